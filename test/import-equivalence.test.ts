import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';
import { assertPrerequisite } from './helpers/prerequisite.js';
import { SHARED_SAMPLES, sharedSamples } from './helpers/shared-samples.js';

const ROOT = resolve(import.meta.dirname, '..');
const EQUIVALENCE = resolve(ROOT, 'test', 'fixtures', 'import', 'equivalence');
const SAMPLES = SHARED_SAMPLES;
const work = mkdtempSync(join(tmpdir(), 'unattended-equivalence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Every sign_ins column but raw (the record as it arrived differs by format, by design), batch_id, and logged_at (when
 * the log wrote this version: the diagnostic envelope's time or Log Analytics' TimeGenerated, which Graph and the portal
 * download do not carry; docs/sign-ins.md).
 */
async function signInRows(paths: readonly string[]): Promise<Record<string, unknown>[]> {
  const store = await openStore(':memory:');
  try {
    const summary = await importPaths(store, paths);
    for (const file of summary.files) {
      expect(file.error, file.path).toBeNull();
      expect(file.quarantined, file.path).toBe(0);
    }
    return await store.all(
      `SELECT * EXCLUDE (raw, batch_id, logged_at, created_at, authentication_steps, applied_policies),
              strftime(created_at, '%Y-%m-%dT%H:%M:%S.%f') AS created_at,
              CAST(authentication_steps AS VARCHAR) AS authentication_steps, CAST(applied_policies AS VARCHAR) AS applied_policies
       FROM sign_ins ORDER BY id, kind`,
    );
  } finally {
    store.close();
  }
}

describe('the same sign-ins in every format normalise to identical rows', () => {
  it('diagnostic JSONL, Graph JSON and the portal CSV downloads (with AuthDetails) agree column by column', async () => {
    const fromJsonl = await signInRows([join(EQUIVALENCE, 'diagnostic.jsonl')]);
    const fromGraph = await signInRows([join(EQUIVALENCE, 'graph-signins.json')]);
    const csvFiles = readdirSync(EQUIVALENCE).filter((name) => name.endsWith('.csv') && !name.startsWith('loganalytics')).map((name) => join(EQUIVALENCE, name));
    expect(csvFiles).toHaveLength(6);
    const fromCsv = await signInRows(csvFiles);
    expect(fromJsonl).toHaveLength(5);
    expect(fromGraph).toEqual(fromJsonl);
    expect(fromCsv).toEqual(fromJsonl);
    expect(fromJsonl.map((row) => [row['id'], row['kind'], row['upn'], row['mfa_satisfied'], row['incoming_token_type'], row['error_code']])).toEqual([
      ['a1b2c3d4-0000-4000-8000-000000000001', 'interactiveUser', 'svc-deploy@contoso.onmicrosoft.com', false, 'none', 0],
      ['a1b2c3d4-0000-4000-8000-000000000002', 'interactiveUser', 'alice@contoso.com', true, 'none', 0],
      ['a1b2c3d4-0000-4000-8000-000000000003', 'nonInteractiveUser', 'svc-deploy@contoso.onmicrosoft.com', null, 'refreshToken', 50076],
      ['a1b2c3d4-0000-4000-8000-000000000004', 'servicePrincipal', null, null, null, 0],
      ['a1b2c3d4-0000-4000-8000-000000000005', 'managedIdentity', null, null, null, 0],
    ]);
  });

  it('Log Analytics KQL JSON and the portal CSV export of a union (X_dynamic/X_string, US dates) agree with the diagnostic export', async () => {
    const fromJsonl = await signInRows([join(EQUIVALENCE, 'diagnostic.jsonl')]);
    const fromKql = await signInRows([join(EQUIVALENCE, 'loganalytics-signins.json')]);
    expect(fromKql).toEqual(fromJsonl);
    // The CSV export writes times to the millisecond ("11/26/2026, 2:00:13.123 AM"): compare at that precision.
    const toMilliseconds = (rows: Record<string, unknown>[]): Record<string, unknown>[] =>
      rows.map((row) => ({ ...row, created_at: String(row['created_at']).slice(0, 23) }));
    const fromCsv = await signInRows([join(EQUIVALENCE, 'loganalytics-export.csv')]);
    expect(fromCsv.map((row) => row['created_at'])).toEqual([
      '2026-11-26T02:00:13.123000', '2026-11-26T09:12:00.500000', '2026-11-26T02:05:00.000000', '2026-11-26T03:00:00.250000', '2026-11-26T04:00:00.000000',
    ]);
    expect(toMilliseconds(fromCsv)).toEqual(toMilliseconds(fromJsonl));
  });

  it('files saved as UTF-16 with a BOM (Windows PowerShell 5.1 Out-File, gzipped or not) give the rows their UTF-8 copies give', async () => {
    const dir = join(work, 'utf16');
    mkdirSync(dir, { recursive: true });
    /** The file's text as UTF-16 with its BOM: little-endian as PowerShell writes it, or big-endian. */
    const utf16 = (name: string, endian: 'le' | 'be'): Buffer => {
      const le = Buffer.from(`\uFEFF${readFileSync(join(EQUIVALENCE, name), 'utf8').replace(/^\uFEFF/, '')}`, 'utf16le');
      return endian === 'le' ? le : Buffer.from(le).swap16();
    };
    writeFileSync(join(dir, 'diagnostic.jsonl'), utf16('diagnostic.jsonl', 'le'));
    writeFileSync(join(dir, 'graph-signins.json'), utf16('graph-signins.json', 'be'));
    writeFileSync(join(dir, 'loganalytics-signins.json.gz'), gzipSync(utf16('loganalytics-signins.json', 'le')));
    const csvNames = readdirSync(EQUIVALENCE).filter((name) => name.endsWith('.csv') && !name.startsWith('loganalytics'));
    for (const name of csvNames) writeFileSync(join(dir, name), utf16(name, 'le'));
    expect(readFileSync(join(dir, 'diagnostic.jsonl')).subarray(0, 4)).toEqual(Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
    const fromJsonl = await signInRows([join(EQUIVALENCE, 'diagnostic.jsonl')]);
    expect(await signInRows([join(dir, 'diagnostic.jsonl')])).toEqual(fromJsonl);
    expect(await signInRows([join(dir, 'graph-signins.json')])).toEqual(fromJsonl);
    expect(await signInRows([join(dir, 'loganalytics-signins.json.gz')])).toEqual(fromJsonl);
    expect(await signInRows(csvNames.map((name) => join(dir, name)))).toEqual(fromJsonl);
  });

  it.skipIf(sharedSamples.skip)('the real samples re-shaped as Graph beta pages give the rows their diagnostic export gives', async () => {
    assertPrerequisite(sharedSamples);
    const graphDir = join(work, 'graph');
    const jsonl = ['sign_in_logs.jsonl', 'non_interactive_user_sign_in_logs.jsonl', 'service_principal_sign_in_logs.jsonl', 'managed_identity_sign_in_logs.jsonl'];
    const kinds: Record<string, string> = { SignInLogs: 'interactiveUser', NonInteractiveUserSignInLogs: 'nonInteractiveUser', ServicePrincipalSignInLogs: 'servicePrincipal', ManagedIdentitySignInLogs: 'managedIdentity' };
    const value: unknown[] = [];
    for (const name of jsonl) {
      for (const line of readFileSync(join(SAMPLES, name), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record: unknown = JSON.parse(line);
        if (typeof record !== 'object' || record === null || !('properties' in record) || !('category' in record) || !('tenantId' in record)) throw new Error('unexpected sample');
        const properties = record.properties;
        if (typeof properties !== 'object' || properties === null) throw new Error('unexpected sample');
        // Graph has no envelope: the tenant is the one the record came from, and the kind is signInEventTypes.
        value.push({ ...properties, tenantId: record.tenantId, signInEventTypes: [kinds[String(record.category)]] });
      }
    }
    const { mkdirSync } = await import('node:fs');
    mkdirSync(graphDir, { recursive: true });
    writeFileSync(join(graphDir, 'signins.json'), JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', value }));
    const fromJsonl = await signInRows(jsonl.map((name) => join(SAMPLES, name)));
    const fromGraph = await signInRows([join(graphDir, 'signins.json')]);
    expect(fromJsonl).toHaveLength(67);
    expect(fromGraph).toEqual(fromJsonl);
  });
});
