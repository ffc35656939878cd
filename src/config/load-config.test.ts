import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { loadConfig, parseConfig } from './load-config.js';

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

  it('treats an empty file as no settings', () => {
    expect(parseConfig('', 'u.yaml')).toEqual({});
  });

  it('rejects an unknown key, naming the file and the key', () => {
    expect(() => parseConfig('enforcement:\n  phase3: 2026-01-01\n', 'conf/unattended.yaml')).toThrow(ConfigError);
    expect(() => parseConfig('enforcement:\n  phase3: 2026-01-01\n', 'conf/unattended.yaml')).toThrow('conf/unattended.yaml: unknown key enforcement.phase3');
    expect(() => parseConfig('breakglass: []\n', 'u.yaml')).toThrow('u.yaml: unknown key breakglass');
  });

  it('rejects a date that is not YYYY-MM-DD or not a real day', () => {
    expect(() => parseConfig('enforcement:\n  phase2: 15/12/2026\n', 'u.yaml')).toThrow('u.yaml: enforcement.phase2: a date as YYYY-MM-DD');
    expect(() => parseConfig('enforcement:\n  phase2: "2026-13-40"\n', 'u.yaml')).toThrow('u.yaml: enforcement.phase2: a real calendar date');
  });

  it('rejects invalid YAML and a missing file with a ConfigError', () => {
    expect(() => parseConfig('tenant: [\n', 'u.yaml')).toThrow(ConfigError);
    expect(() => loadConfig('/nonexistent/unattended.yaml')).toThrow('/nonexistent/unattended.yaml: cannot read the configuration (ENOENT)');
  });
});
