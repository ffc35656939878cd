import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadPolicy } from '../config/load-config.js';
import { gateThresholds } from '../engines/govern/governance-policy.js';
import { runAnalysis } from '../engines/run-analysis.js';
import { InputError, UsageError } from '../errors.js';
import { starterPolicy, type StarterEntry } from '../report/init/starter-policy.js';
import { terminalSafe } from '../report/terminal-text.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';
import { initEntries } from './init-entries.js';

const optionsSchema = z.object({
  db: z.string().min(1),
  out: z.string().min(1).default('unattended.yaml'),
  policy: z.string().min(1).optional(),
  force: z.boolean().default(false),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
});

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter unattended.yaml from the analysis: every non-human identity with owner: null and, in comments, a suggested owner with its evidence')
    .addOption(dbOption())
    .option('--out <file>', 'where to write it', 'unattended.yaml')
    .option('--policy <file>', 'carry tenant, enforcement dates, break-glass accounts and gate thresholds over from this policy file')
    .option('--force', 'overwrite --out if it exists')
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record)')
    .option('--phase1-date <date>', "the tenant's Phase 1 enforcement date, YYYY-MM-DD")
    .option('--phase2-date <date>', "the tenant's Phase 2 enforcement date, YYYY-MM-DD")
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended init --help');
      const options = parsed.data;
      if (existsSync(options.out) && !options.force) throw new InputError(`${options.out} exists`, 'pass --force to overwrite it, or --out FILE to write elsewhere');
      const base = options.policy === undefined ? null : loadPolicy(options.policy).config;
      // Only the tenant's facts carry over: owners, exceptions and retirements are what a person writes after this.
      const config = base === null ? null : { tenant: base.tenant, enforcement: base.enforcement, breakGlass: base.breakGlass, gate: base.gate };
      const store = await openStore(options.db, { readOnly: true });
      let text: string;
      let listed: StarterEntry[];
      try {
        const analysis = await runAnalysis(store, { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, config });
        const found = await initEntries(store, analysis);
        listed = found.entries;
        const breakGlass = analysis.identities.filter((identity) => identity.class === 'break-glass').map((identity) => identity.upn ?? identity.id).sort();
        const gate = gateThresholds(config);
        text = starterPolicy({
          source: `the store ${store.path}`, asOf: analysis.asOf, tenantId: analysis.tenantId, enforcement: analysis.enforcement, breakGlass,
          gate: { maxExceptionDays: gate.maxExceptionDays, expiringWithinDays: gate.expiringWithinDays }, entries: listed, foreignApps: found.foreignApps,
        });
      } finally {
        store.close();
      }
      writeFileSync(options.out, text);
      const suggested = listed.filter((entry) => entry.leads.suggestions.length > 0).length;
      process.stdout.write(`wrote ${terminalSafe(options.out)}: ${listed.length} identities with owner: null, ${suggested} with a suggested owner in a comment\n`);
      process.exitCode = EXIT_OK;
    });
}
