import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { DEFAULT_SEED, generateDemo, scaleFor } from './index.js';
import type { DemoOutput } from './index.js';

function listFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const full = join(root, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out.sort();
}

function digest(root: string): Map<string, string> {
  return new Map(listFiles(root).map((file) => [relative(root, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(root: string, folder: string): Json[] {
  const out: Json[] = [];
  for (const file of listFiles(join(root, folder))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line === '') continue;
      const parsed: unknown = JSON.parse(line);
      if (!isObject(parsed)) throw new Error(`${file}: not an object`);
      out.push(parsed);
    }
  }
  return out;
}

function props(record: Json): Json {
  const p = record['properties'];
  if (!isObject(p)) throw new Error('record without properties');
  return p;
}

function graphValue(root: string, name: string): Json[] {
  const parsed: unknown = JSON.parse(readFileSync(join(root, 'graph', name), 'utf8'));
  if (!isObject(parsed) || !Array.isArray(parsed['value'])) throw new Error(`${name}: not a Graph page`);
  return parsed['value'].filter(isObject);
}

interface TruthEntry {
  id: string;
  upn: string | null;
  displayName: string;
  kind: string;
  scenario: string;
  class: string;
  verdict: string;
  breaksOn: string | null;
  recommendation: string;
}

function truth(output: DemoOutput): TruthEntry[] {
  const parsed: unknown = JSON.parse(readFileSync(output.groundTruthPath, 'utf8'));
  if (!isObject(parsed) || parsed['schemaVersion'] !== 1 || !Array.isArray(parsed['identities'])) throw new Error('bad ground truth');
  return parsed['identities'].filter(isObject).map((entry) => ({
    id: String(entry['id']),
    upn: typeof entry['upn'] === 'string' ? entry['upn'] : null,
    displayName: String(entry['displayName']),
    kind: String(entry['kind']),
    scenario: String(entry['scenario']),
    class: String(entry['class']),
    verdict: String(entry['verdict']),
    breaksOn: typeof entry['breaksOn'] === 'string' ? entry['breaksOn'] : null,
    recommendation: String(entry['recommendation']),
  }));
}

const root = mkdtempSync(join(tmpdir(), 'unattended-demo-'));
let first: DemoOutput;
let identities: TruthEntry[];

beforeAll(async () => {
  first = await generateDemo({ outDir: join(root, 'a') });
  identities = truth(first);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generateDemo determinism', () => {
  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const again = await generateDemo({ outDir: join(root, 'b'), seed: DEFAULT_SEED });
    const other = await generateDemo({ outDir: join(root, 'c'), seed: 7 });
    const a = digest(join(root, 'a'));
    const b = digest(join(root, 'b'));
    expect(a.size).toBeGreaterThan(200);
    expect([...b.entries()]).toEqual([...a.entries()]);
    expect(again.counts).toEqual(first.counts);
    expect(again.asOf).toBe(first.asOf);
    const c = digest(join(root, 'c'));
    const same = [...a.keys()].filter((file) => c.get(file) === a.get(file));
    // Only the README and the checkout's git metadata (repository and project names, no IDs) name no tenant, subscription or app ID.
    expect(same).toEqual(['sample-repo/.git/HEAD', 'sample-repo/.git/config', 'sample-repo/README.md']);
    expect(other.tenantId).not.toBe(first.tenantId);
  }, 300_000);
});

describe('generateDemo counts (default seed)', () => {
  it('has the default tenant size', () => {
    expect(first.counts).toEqual({ users: 300, serviceAccounts: 16, workloads: 40, signIns: 57_728, operations: 11_590 });
    expect(first.enforcement).toEqual({ phase1: '2025-03-15', phase2: '2026-12-15' });
    expect(first.asOf).toMatch(/^2026-11-20T23:5\d:\d\d\.\d{7}Z$/u);
  });

  it('writes one blob per category and day, in the storage-account layout', () => {
    const blobs = listFiles(first.dataDir).map((file) => relative(first.dataDir, file)).filter((file) => file.startsWith('insights-'));
    const signInBlob = new RegExp(
      `^insights-logs-(signinlogs|noninteractiveusersigninlogs|serviceprincipalsigninlogs|managedidentitysigninlogs)/resourceId=/tenants/${first.tenantId}/providers/Microsoft\\.aadiam/y=2026/m=(10|11)/d=\\d\\d/h=00/m=00/PT1H\\.json$`,
      'u',
    );
    const activityBlob = /^insights-activity-logs\/resourceId=\/SUBSCRIPTIONS\/[0-9A-F-]{36}\/y=2026\/m=(10|11)\/d=\d\d\/h=00\/m=00\/PT1H\.json$/u;
    for (const blob of blobs) expect(signInBlob.test(blob) || activityBlob.test(blob)).toBe(true);
    expect(blobs.filter((blob) => blob.startsWith('insights-logs-signinlogs/'))).toHaveLength(30);
    expect(blobs.filter((blob) => blob.startsWith('insights-logs-noninteractiveusersigninlogs/'))).toHaveLength(30);
    // Three subscriptions a day, less the two weekend days after the deployers policy when nobody writes to production.
    expect(blobs.filter((blob) => blob.startsWith('insights-activity-logs/'))).toHaveLength(88);
  });
});

describe('generateDemo ground truth', () => {
  // Whether the analysis reaches each identity's class, verdict and recommendation is test/demo-ground-truth.test.ts's
  // job, against analysis output; a hand copy of the scenario table here could only repeat scenarios.ts.
  it('covers every identity of the directory files, once', () => {
    const users = ['users.json', 'users-2.json', 'users-3.json'].flatMap((name) => graphValue(first.dataDir, name));
    const servicePrincipals = graphValue(first.dataDir, 'servicePrincipals.json');
    const directoryIds = [...users, ...servicePrincipals].map((entry) => String(entry['id'])).sort();
    expect(identities.map((entry) => entry.id).sort()).toEqual(directoryIds);
    expect(new Set(directoryIds).size).toBe(340);
    expect(identities.filter((entry) => entry.scenario === 'guest-no-scope').map((entry) => entry.displayName)).toEqual(
      expect.arrayContaining(['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>']),
    );
  });

  it('writes unattended.yaml with the enforcement dates, both break-glass UPNs, owners, an exception about to expire and retirements', () => {
    const yaml = readFileSync(first.configPath, 'utf8').split('\n');
    expect(yaml.slice(1, 4)).toEqual([
      `tenant: { id: "${first.tenantId}" }`,
      'enforcement: { phase1: "2025-03-15", phase2: "2026-12-15" }',
      'breakGlass: [ "breakglass-01@contosodemo.onmicrosoft.com", "breakglass-02@contosodemo.onmicrosoft.com" ]',
    ]);
    const config = loadConfig(first.configPath);
    expect(config.owners?.map((rule) => [rule.upn ?? rule.pattern, rule.owner?.team])).toEqual([
      ['svc-backup@contoso.example', 'Storage'],
      ['svc-vm-cli@contoso.example', 'Compute'],
      ['svc-terraform@contoso.example', 'Platform engineering'],
      ['github-*', 'Developer experience'],
    ]);
    // One expires a week after the demo's last day (2026-11-20): within the 14 days the gate warns about.
    expect(config.exceptions?.map((entry) => [entry.identity, entry.created, entry.expires])).toEqual([
      ['svc-backup@contoso.example', '2026-09-01', '2026-11-27'],
      ['svc-vm-cli@contoso.example', '2026-10-15', '2027-01-10'],
    ]);
    expect(config.retirements?.map((entry) => [entry.identity, entry.date])).toEqual([
      ['svc-reporting-old@contoso.example', '2026-11-01'],
      ['svc-webapp-config@contoso.example', '2026-11-15'],
    ]);
  });
});

describe('generateDemo records', () => {
  it('writes sign-ins in the diagnostic export shape, with unique IDs', () => {
    const seen = new Set<string>();
    let total = 0;
    for (const [folder, category] of [
      ['insights-logs-signinlogs', 'SignInLogs'],
      ['insights-logs-noninteractiveusersigninlogs', 'NonInteractiveUserSignInLogs'],
      ['insights-logs-serviceprincipalsigninlogs', 'ServicePrincipalSignInLogs'],
      ['insights-logs-managedidentitysigninlogs', 'ManagedIdentitySignInLogs'],
    ] as const) {
      for (const record of records(first.dataDir, folder)) {
        total++;
        const p = props(record);
        expect(record['category']).toBe(category);
        expect(record['operationName']).toBe('Sign-in activity');
        expect(record['resourceId']).toBe(`/tenants/${first.tenantId}/providers/Microsoft.aadiam`);
        expect(String(p['createdDateTime'])).toMatch(/^2026-1[01]-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/u);
        expect('signInEventTypes' in p).toBe(false);
        seen.add(String(p['id']));
        if (category === 'SignInLogs' || category === 'NonInteractiveUserSignInLogs') {
          expect(['Member', 'Guest']).toContain(p['userType']);
          expect(typeof record['identity']).toBe('string');
          const policies = p['appliedConditionalAccessPolicies'];
          // CA004 exists from day 20 on; the other three throughout.
          expect(Array.isArray(policies) && (policies.length === 3 || policies.length === 4)).toBe(true);
          if (Array.isArray(policies)) for (const policy of policies) expect(isObject(policy) && Number.isInteger(policy['conditionsSatisfied'])).toBe(true);
        } else {
          expect('identity' in record).toBe(false);
        }
        if (category === 'ManagedIdentitySignInLogs') {
          expect('callerIpAddress' in record || 'location' in record).toBe(false);
          expect(p['ipAddress']).toBe('');
        }
      }
    }
    expect(total).toBe(first.counts.signIns);
    expect(seen.size).toBe(total);
  });

  it('leaves the evidence each scenario needs', () => {
    const byUpn = new Map(identities.map((entry) => [entry.upn, entry]));
    const interactive = records(first.dataDir, 'insights-logs-signinlogs').map(props);
    const nonInteractive = records(first.dataDir, 'insights-logs-noninteractiveusersigninlogs').map(props);
    const servicePrincipal = records(first.dataDir, 'insights-logs-serviceprincipalsigninlogs').map(props);
    const activity = records(first.dataDir, 'insights-activity-logs');
    const scenarioOf = (p: Json): string => byUpn.get(String(p['userPrincipalName']))?.scenario ?? '';
    const errors = (scenario: string): number[] => interactive.filter((p) => scenarioOf(p) === scenario).map((p) => (isObject(p['status']) ? Number(p['status']['errorCode']) : -1));

    expect(errors('break-glass-password')).toEqual([50074]);
    expect(errors('break-glass-fido2')).toEqual([0]);
    expect(errors('svc-deploy-legacy').filter((code) => code === 50076).length).toBeGreaterThan(20);
    expect(errors('portal-mfa-traveller').filter((code) => code === 50126).length).toBeGreaterThanOrEqual(4);
    expect(interactive.filter((p) => scenarioOf(p) === 'svc-vm-cli' && p['authenticationProtocol'] === 'ropc')).toHaveLength(720);
    expect(interactive.filter((p) => scenarioOf(p) === 'svc-stale')).toEqual([]);
    expect(interactive.filter((p) => p['crossTenantAccessType'] === 'b2bCollaboration' && isObject(p['status']) && p['status']['additionalDetails'] === 'MFA requirement satisfied by claim in the token').length).toBeGreaterThan(5);
    expect(nonInteractive.length).toBeGreaterThan(interactive.length);

    const claim = (record: Json, name: string): string => {
      const identity = record['identity'];
      return isObject(identity) && isObject(identity['claims']) ? String(identity['claims'][name] ?? '') : '';
    };
    const upnClaim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
    const amrClaim = 'http://schemas.microsoft.com/claims/authnmethodsreferences';
    const writesBy = (scenario: string): Json[] => activity.filter((r) => byUpn.get(claim(r, upnClaim))?.scenario === scenario && r['category'] === 'Administrative');
    expect(writesBy('svc-inventory')).toEqual([]);
    expect(writesBy('svc-sql-reader')).toEqual([]);
    expect(writesBy('svc-vm-cli').every((r) => claim(r, amrClaim) === 'pwd')).toBe(true);
    expect(writesBy('admin-mfa').every((r) => claim(r, amrClaim) === 'pwd,mfa')).toBe(true);
    const denied = writesBy('svc-deploy-legacy').filter((r) => r['resultType'] === 'Failure');
    expect(denied.length).toBeGreaterThan(10);
    expect(denied.every((r) => String(props(r)['statusMessage']).includes('RequestDisallowedByPolicy') && String(props(r)['statusMessage']).includes('4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b'))).toBe(true);
    expect(activity.filter((r) => r['operationName'] === 'MICROSOFT.AUTHORIZATION/POLICIES/AUDIT/ACTION').length).toBeGreaterThan(100);

    // svc-migrated stops 10 days before the end; its service principal carries on from the same address.
    const migrated = identities.find((entry) => entry.scenario === 'svc-migrated');
    const target = identities.find((entry) => entry.scenario === 'sp-migration-target');
    const migratedSignIns = interactive.filter((p) => p['userId'] === migrated?.id);
    const lastMigrated = migratedSignIns.map((p) => String(p['createdDateTime'])).sort().pop() ?? '';
    expect(lastMigrated < '2026-11-11').toBe(true);
    const targetSignIns = servicePrincipal.filter((p) => p['servicePrincipalId'] === target?.id);
    expect(targetSignIns).toHaveLength(120);
    expect(new Set(targetSignIns.map((p) => p['ipAddress']))).toEqual(new Set(migratedSignIns.map((p) => p['ipAddress'])));
  });

  it('dates svc-stale’s last sign-in about 200 days before the end', () => {
    const users = ['users.json', 'users-2.json', 'users-3.json'].flatMap((name) => graphValue(first.dataDir, name));
    const stale = users.find((user) => user['userPrincipalName'] === 'svc-reporting-old@contoso.example');
    const activity = stale?.['signInActivity'];
    expect(isObject(activity) && String(activity['lastSignInDateTime']).slice(0, 10)).toBe('2026-05-04');
    expect(stale?.['passwordPolicies']).toBe('DisablePasswordExpiration');
  });
});

describe('scaleFor', () => {
  it('keeps the default at scale 1 and scales background volume for larger requests', () => {
    expect(scaleFor(undefined)).toBe(1);
    expect(scaleFor(0)).toBe(0);
    expect(scaleFor(1_000_000)).toBeCloseTo((1_000_000 - 18_150) / 37_800, 6);
  });
});
