import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { runAnalysis } from '../engines/run-analysis.js';
import { buildTestkit } from '../engines/testkit/build-testkit.js';
import { selectKitAccounts } from '../engines/testkit/select-accounts.js';
import { parseTestScope } from '../engines/testkit/test-scope.js';
import { InputError, UsageError } from '../errors.js';
import { terminalSafe } from '../report/terminal-text.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';

const DEFAULT_CONFIG = 'unattended.yaml';
const DEFAULT_OUT = 'unattended-testkit';

const optionsSchema = z.object({
  db: z.string().min(1),
  scope: z.string({ error: () => ({ message: '--scope is required: the test subscription or resource group to assign the Azure Policy on' }) }).min(1),
  out: z.string().min(1),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
});

export function registerTestkit(program: Command): void {
  program
    .command('testkit')
    .description('write a test kit for a controlled subscription: a report-only Conditional Access policy requiring MFA on Azure management for the accounts analyze finds at risk (break-glass excluded), an Audit-mode assignment of the MFA Azure Policy (ARM JSON, az, Bicep, Terraform) and a runbook')
    .addOption(dbOption())
    .option('--scope <id>', 'the test scope for the Azure Policy assignment: /subscriptions/<id> or /subscriptions/<id>/resourceGroups/<name>')
    .option('--out <dir>', 'the folder to write the kit into', `./${DEFAULT_OUT}`)
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record)')
    .option('--phase1-date <date>', 'the tenant\'s Phase 1 (portal) enforcement date, YYYY-MM-DD')
    .option('--phase2-date <date>', 'the tenant\'s Phase 2 (ARM writes) enforcement date, YYYY-MM-DD')
    .option('--policy <file>', `the unattended.yaml to use (default: ./${DEFAULT_CONFIG} when present)`)
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended testkit --help');
      const options = parsed.data;
      const scope = parseTestScope(options.scope);
      const configPath = options.policy ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
      const config = configPath === null ? null : loadConfig(configPath);
      const store = await openStore(options.db, { readOnly: true });
      let files;
      let accounts;
      try {
        const analysis = await runAnalysis(store, { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, config });
        accounts = selectKitAccounts(analysis.identities, config?.breakGlass ?? []);
        files = buildTestkit(accounts, scope);
      } finally {
        store.close();
      }
      try {
        mkdirSync(options.out, { recursive: true });
        for (const file of files) writeFileSync(join(options.out, file.name), file.content, { mode: file.name.endsWith('.sh') ? 0o755 : 0o644 });
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
        throw new InputError(`cannot write the test kit to ${options.out} (${code})`, 'pass --out DIR naming a folder you can write');
      }
      process.stdout.write([
        `test kit: ${terminalSafe(options.out)} (${files.map((file) => file.name).join(', ')})`,
        `accounts under test: ${accounts.targets.length}; break-glass excluded: ${accounts.breakGlass.length}${accounts.withoutObjectId.length > 0 ? `; without an object id (listed in RUNBOOK.md): ${accounts.withoutObjectId.length}` : ''}`,
        `scope: ${scope.id}`,
        'next: read RUNBOOK.md',
        '',
      ].join('\n'));
      process.exitCode = EXIT_OK;
    });
}
