import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { artifactsFor, EMIT_KINDS } from '../engines/plan/artifacts/emit-artifacts.js';
import { buildPlanContext } from '../engines/plan/plan-context.js';
import { runAnalysis } from '../engines/run-analysis.js';
import { UsageError } from '../errors.js';
import type { IdentityAnalysis } from '../model/analysis.js';
import { renderPlan } from '../report/plan-text.js';
import { terminalSafe } from '../report/terminal-text.js';
import { loadPlanInputs } from '../store/read-model/plan-inputs.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';

const DEFAULT_CONFIG = 'unattended.yaml';

const optionsSchema = z.object({
  db: z.string().min(1),
  all: z.boolean().default(false),
  format: z.enum(['table', 'json', 'markdown'], { error: () => ({ message: '--format must be table, json or markdown' }) }).default('table'),
  emit: z.enum(EMIT_KINDS, { error: () => ({ message: `--emit must be one of ${EMIT_KINDS.join(', ')}` }) }).optional(),
  out: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  asOf: z.string().min(1).optional(),
  quietDays: z.coerce.number().int().min(1).max(365).optional(),
});

function find(identities: readonly IdentityAnalysis[], wanted: string): IdentityAnalysis {
  const lower = wanted.toLowerCase();
  const found = identities.find((identity) => identity.id.toLowerCase() === lower || identity.upn?.toLowerCase() === lower);
  if (!found) throw new UsageError(`no identity ${wanted} in the store`, 'give an object id or UPN that `unattended analyze --format json` lists');
  return found;
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('the migration plan of an identity (target, federation subject, least-privilege role, automation, stage) and its artifacts')
    .argument('[identity]', 'object id or UPN')
    .option('--all', 'every plan, as a JSON array')
    .addOption(new Option('--format <format>', 'table, json or markdown').default('table'))
    .option('--emit <kind>', `write artifacts: ${EMIT_KINDS.join(', ')}`)
    .option('--out <dir>', 'where --emit writes')
    .option('--policy <file>', `the unattended.yaml to use (default: ./${DEFAULT_CONFIG} when present)`)
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record)')
    .option('--quiet-days <n>', 'days a replaced account must stay quiet before it is ready to retire (default 7)')
    .addOption(dbOption())
    .addOption(debugOption())
    .action(async (identityArgument: string | undefined, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended plan --help');
      const options = parsed.data;
      if (!options.all && identityArgument === undefined) throw new UsageError('give an identity (object id or UPN) or --all', 'e.g. unattended plan svc-deploy@contoso.com');
      if (options.emit && (options.all || !options.out)) throw new UsageError('--emit needs one identity and --out DIR', 'e.g. unattended plan svc-deploy@contoso.com --emit terraform --out ./migration');
      const configPath = options.policy ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
      const config = configPath === null ? null : (await import('../config/load-config.js')).loadConfig(configPath);
      const store = await openStore(options.db, { readOnly: true });
      try {
        const analysis = await runAnalysis(store, { config, asOf: options.asOf, quietDays: options.quietDays });
        if (options.all) {
          const plans = analysis.identities.filter((identity) => identity.plan).map((identity) => ({ id: identity.id, upn: identity.upn, displayName: identity.displayName, class: identity.class, verdict: identity.verdict, plan: identity.plan }));
          process.stdout.write(`${JSON.stringify(plans, null, 2)}\n`);
          process.exitCode = EXIT_OK;
          return;
        }
        const identity = find(analysis.identities, identityArgument ?? '');
        const plan = identity.plan ?? null;
        if (plan === null) {
          process.stdout.write(options.format === 'json' ? 'null\n' : `nothing to plan for ${terminalSafe(identity.upn ?? identity.displayName)}: ${terminalSafe(identity.recommendation.why)}\n`);
          process.exitCode = EXIT_OK;
          return;
        }
        if (options.emit && options.out) {
          const inputs = await loadPlanInputs(store, analysis.asOf);
          const texts = new Map<string, string>();
          for (const [key, text] of inputs.files) if (text !== null) texts.set(key, text);
          const context = { ...buildPlanContext(inputs), texts };
          const files = artifactsFor(options.emit, { plan, account: identity.upn ?? identity.displayName, tenantId: analysis.tenantId }, identity.upn, context);
          const out = resolve(options.out);
          for (const file of files) {
            mkdirSync(dirname(join(out, file.path)), { recursive: true });
            writeFileSync(join(out, file.path), file.content);
          }
          process.stderr.write(`unattended: wrote ${files.length} file(s) to ${terminalSafe(out)}: ${files.map((file) => terminalSafe(file.path)).join(', ')}\n`);
          for (const note of files.flatMap((file) => file.notes ?? [])) process.stderr.write(`${terminalSafe(note)}\n`);
        } else if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify({ id: identity.id, upn: identity.upn, displayName: identity.displayName, class: identity.class, verdict: identity.verdict, plan }, null, 2)}\n`);
        } else {
          process.stdout.write(renderPlan(identity, plan, options.format));
        }
        process.exitCode = EXIT_OK;
      } finally {
        store.close();
      }
    });
}
