import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanFinding } from '../model/scan-finding.js';
import { openStore, type Store } from '../store/store.js';
import { scanFindingId, storeScanFindings } from './store-findings.js';

const base: ScanFinding = {
  file: 'deploy.sh', line: 2, column: 1, ecosystem: 'azure-cli', authMethod: 'user-password', mfaImpact: 'breaks',
  identity: { kind: 'upn', value: 'Ops@Contoso.com' }, rule: 'shell/az-login-user-password', message: 'm', fix: 'f',
};
let store: Store;

beforeEach(async () => {
  store = await openStore(':memory:');
  await store.run("INSERT INTO identities (id, kind, upn) VALUES ('u1', 'user', 'ops@contoso.com')");
});
afterEach(() => store.close());

describe('storeScanFindings', () => {
  it('stores findings with a stable id, records the batch and counts those linked to a known identity', async () => {
    const findings = [base, { ...base, line: 3, rule: 'shell/az-deployment-ambient', identity: { kind: 'secret-ref' as const, value: 'secrets.AZ_USER' } }];
    const first = await storeScanFindings(store, '/repo', findings);
    expect([first.stored, first.linked]).toEqual([2, 1]);
    const rows = await store.all('SELECT id, root, file, line, col, identity_kind, identity_value, rule FROM scan_findings ORDER BY line');
    expect(rows).toEqual([
      { id: '7a28c8271205d34f9d26278a4adb3947', root: '/repo', file: 'deploy.sh', line: 2, col: 1, identity_kind: 'upn', identity_value: 'Ops@Contoso.com', rule: 'shell/az-login-user-password' },
      { id: '07993b549a0ceafa10db5027f8c500d2', root: '/repo', file: 'deploy.sh', line: 3, col: 1, identity_kind: 'secret-ref', identity_value: 'secrets.AZ_USER', rule: 'shell/az-deployment-ambient' },
    ]);
    const batches = await store.all("SELECT source, file, read, stored FROM batches WHERE source = 'scan'");
    expect(batches).toEqual([{ source: 'scan', file: '/repo', read: 2, stored: 2 }]);
  });

  it('keys a finding by root, file, line, column and rule only: a re-scan that changes its message or identity keeps the id', () => {
    // sha256 of "/repo\0deploy.sh\02\01\0shell/az-login-user-password", first 32 hex digits (computed with sha256sum).
    expect(scanFindingId('/repo', { ...base, message: 'reworded', identity: null, authMethod: 'ambient' })).toBe('7a28c8271205d34f9d26278a4adb3947');
    expect(scanFindingId('/other', base)).toBe('5962ee3e742981abb213e01d5139152f');
  });

  it('replaces a root\'s findings on re-scan and leaves other roots alone', async () => {
    await storeScanFindings(store, '/repo', [base, { ...base, line: 9 }]);
    await storeScanFindings(store, '/other', [base]);
    const again = await storeScanFindings(store, '/repo', [base]);
    expect(again.stored).toBe(1);
    const rows = await store.all('SELECT root, line FROM scan_findings ORDER BY root, line');
    expect(rows).toEqual([{ root: '/other', line: 2 }, { root: '/repo', line: 2 }]);
  });
});
