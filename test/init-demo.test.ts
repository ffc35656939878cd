import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initEntries } from '../src/cli/init-entries.js';
import { loadConfig, parseConfig } from '../src/config/load-config.js';
import { runAnalysis } from '../src/engines/run-analysis.js';
import { starterPolicy } from '../src/report/init/starter-policy.js';
import { scanPaths } from '../src/scan/index.js';
import { storeScanFindings } from '../src/scan/store-findings.js';
import { generateDemo } from '../src/sources/demo/index.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore } from '../src/store/store.js';

const out = mkdtempSync(join(tmpdir(), 'unattended-init-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * Who the demo's data points at (src/sources/demo/ownership.ts and the directory's managers): managers from `$expand=manager`, app registration
 * owners from `$expand=owners`, and directoryAudits `initiatedBy` of "Add user" and "Reset user password". Written out
 * here, not derived from the generator, so a change on either side shows.
 */
const EXPECTED: Record<string, string[]> = {
  'svc-deploy-legacy@contoso.example': ['ben.ahmed@contoso.example: created it on 2023-09-26 (audit log: Add user, initiatedBy)'],
  'svc-ado-agent@contoso.example': ['ruby.murphy@contoso.example: created it on 2021-10-06 (audit log: Add user, initiatedBy)'],
  'svc-backup@contoso.example': [
    "hannah.robinson@contoso.example: the account's manager (Graph: users/{id}/manager)",
    'zoe.dixon@contoso.example: last set its password on 2026-10-25 (audit log: Reset user password, initiatedBy)',
  ],
  'svc-runbook@contoso.example': [
    "ben.ahmed@contoso.example: the account's manager (Graph: users/{id}/manager)",
    'ben.ahmed@contoso.example: created it on 2022-07-19 (audit log: Add user, initiatedBy)',
  ],
  'svc-terraform@contoso.example': ['zoe.dixon@contoso.example: created it on 2021-08-05 (audit log: Add user, initiatedBy)'],
  'svc-inventory@contoso.example': ['zoe.dixon@contoso.example: last set its password on 2026-11-08 (audit log: Reset user password, initiatedBy)'],
  'svc-graph-reports@contoso.example': ['xin.robinson@contoso.example: created it on 2024-04-24 (audit log: Add user, initiatedBy)'],
  // A service account with a person's name, and the disabled one: the demo's directory gives each a manager.
  'peter.jones@contoso.example': ["amelia.foster@contoso.example: the account's manager (Graph: users/{id}/manager)"],
  'svc-legacy-ftp@contoso.example': ["erin.turner@contoso.example: the account's manager (Graph: users/{id}/manager)"],
  'app-backup-vendor': ['xin.robinson@contoso.example: owner of the app registration "app-backup-vendor" (Graph: applications/{id}/owners)'],
  'app-payroll-connector': ['zoe.dixon@contoso.example: owner of the app registration "app-payroll-connector" (Graph: applications/{id}/owners)'],
  'app-servicenow-sync': ['ruby.murphy@contoso.example: owner of the app registration "app-servicenow-sync" (Graph: applications/{id}/owners)'],
  'Contoso Billing Sync': ['olivia.adams@contoso.example: owner of the app registration "Contoso Billing Sync" (Graph: applications/{id}/owners)'],
  'github-deploy-webshop': ['ben.ahmed@contoso.example: owner of the app registration "github-deploy-webshop" (Graph: applications/{id}/owners)'],
};

/** Identities the sample repository's code signs in as (the scan's findings tied to an identity). */
const CODE_LEADS: string[] = [
  'automation-appsvc@contoso.example', 'github-deploy-webshop', 'peter.jones@contoso.example', 'svc-ado-agent@contoso.example', 'svc-backup@contoso.example',
  'svc-billing-sync@contoso.example', 'svc-deploy-legacy@contoso.example', 'svc-graph-reports@contoso.example', 'svc-inventory@contoso.example',
  'svc-runbook@contoso.example', 'svc-terraform@contoso.example', 'svc-vm-cli@contoso.example',
];

describe('unattended init on the demo tenant', () => {
  it('suggests an owner for every demo identity whose evidence has one, saying where each came from, and no one else', async () => {
    const demo = await generateDemo({ outDir: out });
    const store = await openStore(':memory:');
    try {
      await importPaths(store, [demo.dataDir]);
      const scan = await scanPaths([demo.repoDir]);
      await storeScanFindings(store, demo.repoDir, scan.findings);
      const analysis = await runAnalysis(store, { config: loadConfig(demo.configPath) });
      const { entries, foreignApps } = await initEntries(store, analysis);
      // Every identity that is not a person is listed: the demo's service accounts and workload identities.
      expect({ listed: entries.length, foreignApps }).toEqual({ listed: 56, foreignApps: 0 });
      const suggested = Object.fromEntries(
        entries
          .filter((entry) => entry.leads.suggestions.length > 0)
          .map((entry) => [entry.identity.upn ?? entry.identity.displayName, entry.leads.suggestions.flatMap((s) => s.because.map((why) => `${s.who}: ${why}`))]),
      );
      expect(suggested).toEqual(EXPECTED);
      // The code that signs in as an account is a lead too; a pipeline is told from a script.
      const code = Object.fromEntries(entries.filter((entry) => entry.leads.code.length > 0).map((entry) => [entry.identity.upn ?? entry.identity.displayName, entry.leads.code]));
      expect(code['svc-deploy-legacy@contoso.example']).toEqual(['sample-repo/azure-pipelines.yml:37 (pipeline)']);
      expect(code['svc-vm-cli@contoso.example']).toEqual(['sample-repo/scripts/vm-maintenance.sh:8 (script)']);
      expect(Object.keys(code).sort()).toEqual(CODE_LEADS);

      // The starter file reads back as a valid policy, and every suggestion stays a comment: all owners are null.
      const text = starterPolicy({
        source: 'the demo store', asOf: analysis.asOf, tenantId: analysis.tenantId, enforcement: analysis.enforcement, breakGlass: [],
        gate: { maxExceptionDays: 90, expiringWithinDays: 14 }, entries, foreignApps,
      });
      const config = parseConfig(text, 'unattended.yaml');
      expect(config.owners).toHaveLength(56);
      expect(config.owners?.filter((rule) => rule.owner !== null)).toEqual([]);
      const lines = text.split('\n');
      const at = lines.indexOf('  - upn: "svc-backup@contoso.example"');
      expect(lines.slice(at - 6, at + 2)).toEqual([
        '  # svc-backup@contoso.example ("Backup Service Account"): service-account, breaks 2026-12-15',
        '  #   suggested owner: hannah.robinson@contoso.example (Hannah Robinson)',
        "  #     - the account's manager (Graph: users/{id}/manager)",
        '  #   suggested owner: zoe.dixon@contoso.example',
        '  #     - last set its password on 2026-10-25 (audit log: Reset user password, initiatedBy)',
        '  #   signs in from sample-repo/scripts/backup-snapshots.ps1:12 (script): the team owning it may own the account',
        '  - upn: "svc-backup@contoso.example"',
        '    owner: null',
      ]);
    } finally {
      store.close();
    }
  }, 600_000);
});
