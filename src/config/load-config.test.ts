import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { loadConfig, parseConfig } from './load-config.js';

function errorOf(text: string, file = 'u.yaml'): string {
  try {
    parseConfig(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const GOVERNANCE = `tenant:
  id: 11111111-2222-3333-4444-555555555555
  cloud: public
gate:
  maxExceptionDays: 60
owners:
  - upn: svc-backup@contoso.com
    owner:
      team: Storage
      process: Nightly backups
      contacts: [storage@contoso.com]
      approvers: [head-of-storage@contoso.com]
  - pattern: "svc-*@contoso.com"
    owner: null
exceptions:
  - identity: svc-backup@contoso.com
    reason: Vendor agent cannot use a certificate until 4.2
    approver: head-of-storage@contoso.com
    created: 2026-10-01
    expires: 2026-11-27
    untilMigrationOf: backup-agent
retirements:
  - identity: svc-stale@contoso.com
    decidedBy: it-ops@contoso.com
    date: 2026-11-01
`;

describe('loadConfig', () => {
  it('reads tenant, enforcement dates and break-glass accounts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unattended-config-'));
    const file = join(dir, 'unattended.yaml');
    writeFileSync(file, 'tenant:\n  id: 11111111-2222-3333-4444-555555555555\nenforcement:\n  phase1: 2025-03-15\n  phase2: "2026-12-15"\nbreakGlass:\n  - bg1@contoso.com\n  - 0f0f0f0f-0000-0000-0000-000000000001\n');
    expect(loadConfig(file)).toEqual({
      tenant: { id: '11111111-2222-3333-4444-555555555555' },
      enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' },
      breakGlass: ['bg1@contoso.com', '0f0f0f0f-0000-0000-0000-000000000001'],
    });
  });

  it('reads owners, exceptions, retirements and the gate thresholds as written', () => {
    expect(parseConfig(GOVERNANCE, 'u.yaml')).toEqual({
      tenant: { id: '11111111-2222-3333-4444-555555555555', cloud: 'public' },
      gate: { maxExceptionDays: 60 },
      owners: [
        { upn: 'svc-backup@contoso.com', owner: { team: 'Storage', process: 'Nightly backups', contacts: ['storage@contoso.com'], approvers: ['head-of-storage@contoso.com'] } },
        { pattern: 'svc-*@contoso.com', owner: null },
      ],
      exceptions: [
        { identity: 'svc-backup@contoso.com', reason: 'Vendor agent cannot use a certificate until 4.2', approver: 'head-of-storage@contoso.com', created: '2026-10-01', expires: '2026-11-27', untilMigrationOf: 'backup-agent' },
      ],
      retirements: [{ identity: 'svc-stale@contoso.com', decidedBy: 'it-ops@contoso.com', date: '2026-11-01' }],
    });
  });

  it('reads enforcement dates per cloud', () => {
    expect(parseConfig('enforcement:\n  clouds:\n    usgov: { phase2: 2027-01-01 }\n', 'u.yaml')).toEqual({ enforcement: { clouds: { usgov: { phase2: '2027-01-01' } } } });
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfig('', 'u.yaml')).toEqual({});
  });

  it('rejects an unknown key, naming the file, its line, the key and the key it most likely meant', () => {
    expect(() => parseConfig('enforcement:\n  phase3: 2026-01-01\n', 'conf/unattended.yaml')).toThrow(ConfigError);
    expect(errorOf('enforcement:\n  phase3: 2026-01-01\n', 'conf/unattended.yaml')).toBe('conf/unattended.yaml:2: unknown key enforcement.phase3 (did you mean phase1?)');
    expect(errorOf('breakglass: []\n')).toBe('u.yaml:1: unknown key breakglass (did you mean breakGlass?)');
    // The typo on line 10 of a longer file: its line, and the key it was meant to be.
    expect(errorOf(GOVERNANCE.replace('      process: Nightly backups', '      proces: Nightly backups'))).toBe('u.yaml:10: unknown key owners[0].owner.proces (did you mean process?)');
    expect(errorOf(GOVERNANCE.replace('    approver: head', '    aprover: head'))).toBe('u.yaml:18: unknown key exceptions[0].aprover (did you mean approver?)');
    expect(errorOf('owners:\n  - upn: a@contoso.com\n    owner:\n      colour: blue\n      team: T\n')).toBe('u.yaml:4: unknown key owners[0].owner.colour');
  });

  it('names a missing key, a rule with two matchers and a bad value with their lines', () => {
    expect(errorOf('owners:\n  - upn: a@contoso.com\n')).toBe('u.yaml:2: missing key owners[0].owner');
    expect(errorOf('owners:\n  - upn: a@contoso.com\n    owner: {}\n')).toBe('u.yaml:3: missing key owners[0].owner.team');
    expect(errorOf('owners:\n  - upn: a@contoso.com\n    pattern: "*"\n    owner: null\n')).toBe('u.yaml:2: owners[0]: give exactly one of id, upn, pattern, tag, path');
    expect(errorOf('exceptions:\n  - reason: r\n    created: 2026-01-01\n    expires: 2026-02-01\n')).toBe('u.yaml:2: exceptions[0]: give identity, path, or both');
    expect(errorOf('exceptions:\n  - identity: x\n    reason: "  "\n    created: 2026-01-01\n    expires: 2026-02-01\n')).toBe('u.yaml:3: exceptions[0].reason: a non-empty text');
    expect(errorOf('gate:\n  ownersRequiredFor: [service-acount]\n')).toMatch(/^u\.yaml:2: gate\.ownersRequiredFor\[0\]: /u);
  });

  it('rejects a date that is not YYYY-MM-DD or not a real day', () => {
    expect(errorOf('enforcement:\n  phase2: 15/12/2026\n')).toBe('u.yaml:2: enforcement.phase2: a date as YYYY-MM-DD');
    expect(errorOf('enforcement:\n  phase2: "2026-13-40"\n')).toBe('u.yaml:2: enforcement.phase2: a real calendar date');
    expect(errorOf('retirements:\n  - identity: x\n    decidedBy: y\n    date: 2026-02-29\n')).toBe('u.yaml:4: retirements[0].date: a real calendar date');
  });

  it('rejects invalid YAML with its line, and a missing file, with a ConfigError', () => {
    expect(errorOf('tenant: [\n')).toBe('u.yaml:2: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]');
    expect(errorOf('tenant: {id: x}\ntenant: {id: y}\n')).toBe('u.yaml:2: not valid YAML: Map keys must be unique');
    expect(() => loadConfig('/nonexistent/unattended.yaml')).toThrow('/nonexistent/unattended.yaml: cannot read the configuration (ENOENT)');
  });
});
