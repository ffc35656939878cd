import { existsSync } from 'node:fs';
import { readWhatIfFiles } from './what-if-files.js';
import { renderWhatIfTable } from './what-if-table.js';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { analysedTenantJsonParts, analyseStore, defaultWorkers } from '../engines/parallel/analyse-store.js';
import { UsageError } from '../errors.js';
import { IDENTITY_CLASSES, VERDICTS, type AnalysisResult, type IdentityAnalysis } from '../model/analysis.js';
import { MIGRATION_STAGES, type MigrationStage, type StageStatus } from '../model/plan.js';
import { accountabilityByTeam, type AccountableIdentity } from '../engines/govern/accountability.js';
import { accountabilityLines } from '../report/accountability/accountability-text.js';
import { terminalSafe } from '../report/terminal-text.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';
import { keepSnapshot, openForSnapshot, storeGovernanceState } from './keep-snapshot.js';
import { writePartsSync } from './write-parts.js';

const DEFAULT_CONFIG = 'unattended.yaml';
const SOONEST = 15;

const optionsSchema = z.object({
  db: z.string().min(1),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  format: z.enum(['table', 'json'], { error: () => ({ message: '--format must be table or json' }) }).default('table'),
  quietDays: z.coerce.number({ error: () => ({ message: '--quiet-days takes a whole number' }) }).int('--quiet-days takes a whole number').min(1, '--quiet-days takes at least 1').max(365, '--quiet-days takes at most 365').optional(),
  snapshot: z.boolean().default(true),
  whatIf: z.array(z.string().min(1)).optional(),
  workers: z.coerce.number({ error: () => ({ message: '--workers takes a whole number' }) }).int('--workers takes a whole number').min(0, '--workers takes a whole number').max(64, '--workers takes at most 64').optional(),
});

/** What the table shows of each identity: the full IdentityAnalysis, or the entry analyze builds for it. */
export interface TableIdentity extends Pick<IdentityAnalysis, 'class' | 'verdict' | 'breaksOn' | 'upn' | 'displayName' | 'reasons'> {
  recommendation: Pick<IdentityAnalysis['recommendation'], 'action'>;
  /** The migration's stage: from analyze's entries, or the full analysis's plan. */
  stage?: MigrationStage | null;
  plan?: { stage: Pick<StageStatus, 'stage' | 'command'> } | null;
}

function stageOf(identity: TableIdentity): MigrationStage | null {
  return identity.stage ?? identity.plan?.stage.stage ?? null;
}

/** How many migrations stand at each stage, and the accounts ready to retire. */
function migrationLines(identities: readonly TableIdentity[]): string[] {
  const counts = new Map<MigrationStage, number>();
  for (const identity of identities) {
    const stage = stageOf(identity);
    if (stage) counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const lines = ['', `migrations: ${MIGRATION_STAGES.map((stage) => `${counts.get(stage) ?? 0} ${stage}`).join(', ')}`];
  const ready = identities.filter((identity) => stageOf(identity) === 'ready-to-retire');
  for (const identity of ready.slice(0, SOONEST)) lines.push(`  ready to retire  ${terminalSafe(identity.upn ?? identity.displayName)}`);
  if (ready.length > SOONEST) lines.push(`  … and ${ready.length - SOONEST} more: unattended plan --all`);
  return lines;
}

export interface AnalysisTable extends Omit<AnalysisResult, 'identities'> {
  identities: readonly TableIdentity[];
}

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function grid(rows: readonly (readonly string[])[], rightFrom: number): string[] {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => pad(cell, widths[column] ?? 0, column >= rightFrom)).join('  ').trimEnd());
}

/** The class × verdict table, then the identities that are broken or break soonest, each with the reason that proves it. */
export function renderAnalysisTable(result: AnalysisTable, accountable: readonly AccountableIdentity[] = []): string {
  const counts = new Map<string, number>();
  for (const identity of result.identities) counts.set(`${identity.class}|${identity.verdict}`, (counts.get(`${identity.class}|${identity.verdict}`) ?? 0) + 1);
  const header = ['class', ...VERDICTS, 'total'];
  const body = IDENTITY_CLASSES.map((name) => [
    name,
    ...VERDICTS.map((verdict) => String(counts.get(`${name}|${verdict}`) ?? 0)),
    String(result.summary.byClass[name] ?? 0),
  ]);
  const totals = ['total', ...VERDICTS.map((verdict) => String(result.summary.byVerdict[verdict] ?? 0)), String(result.identities.length)];
  const lines = [
    `as of ${result.asOf}; enforcement phase 1 ${result.enforcement.phase1}, phase 2 ${result.enforcement.phase2}${result.tenantId ? `; tenant ${terminalSafe(result.tenantId)}` : ''}`,
    '',
    ...grid([header, ...body, totals], 1),
  ];
  const urgent = result.identities.filter((identity) => identity.verdict === 'broken' || identity.verdict === 'breaks').slice(0, SOONEST);
  if (urgent.length > 0) {
    lines.push('', 'broken, or breaking soonest');
    const rows = urgent.map((identity) => [
      identity.verdict === 'broken' ? 'broken now' : `breaks ${identity.breaksOn ?? '?'}`,
      identity.class,
      terminalSafe(identity.upn ?? identity.displayName),
      identity.recommendation.action,
      stageOf(identity) ?? '',
    ]);
    const table = grid(rows, 99);
    urgent.forEach((identity, index) => {
      lines.push(`  ${table[index] ?? ''}`);
      const reason = identity.reasons[0];
      if (reason) lines.push(`      ${terminalSafe(reason)}`);
    });
    const more = (result.summary.byVerdict['broken'] ?? 0) + (result.summary.byVerdict['breaks'] ?? 0) - urgent.length;
    if (more > 0) lines.push(`  … and ${more} more: unattended analyze --format json`);
  }
  lines.push(...migrationLines(result.identities));
  lines.push(...accountabilityLines(accountabilityByTeam(accountable)));
  return `${lines.join('\n')}\n`;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('tell people from machines and say, for each identity, whether, when and why mandatory MFA breaks it')
    .addOption(dbOption())
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record)')
    .option('--phase1-date <date>', 'the tenant\'s Phase 1 (portal) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)')
    .option('--phase2-date <date>', 'the tenant\'s Phase 2 (ARM writes) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)')
    .option('--policy <file>', `the unattended.yaml to use (default: ./${DEFAULT_CONFIG} when present)`)
    .option('--what-if <files...>', 'Conditional Access policies (Microsoft Graph JSON: an object, a list or a page) to judge as if on over the sign-in history: a verdict per identity (phase policy:<id>), what would newly fail, and the agreement with the results Entra recorded')
    .addOption(new Option('--format <format>', 'table or json (the analyze contract, schemaVersion 1)').default('table'))
    .option('--quiet-days <n>', 'days a replaced account must stay quiet before it is ready to retire (default 7)')
    .option('--no-snapshot', 'do not keep this run as a snapshot in the store (unattended diff compares snapshots)')
    .option('--workers <n>', 'worker threads sharing the per-identity analysis with the main one (default: one per core beyond the first, at most 3; 0 keeps it on one thread)')
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended analyze --help');
      const options = parsed.data;
      const configPath = options.policy ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
      // The YAML parser is loaded only when there is a file to read.
      const policy = configPath === null ? null : (await import('../config/load-config.js')).loadPolicy(configPath);
      const config = policy?.config ?? null;
      const { store, writable } = await openForSnapshot(options.db, options.snapshot);
      try {
        const whatIf = options.whatIf === undefined ? undefined : readWhatIfFiles(options.whatIf);
        const analysisOptions = { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, config, quietDays: options.quietDays, whatIf };
        const result = await analyseStore(store, analysisOptions, options.workers ?? defaultWorkers());
        if (writable) {
          const state = await storeGovernanceState(store, {
            head: result, identities: result.identities.map((entry) => entry.governed), policy, governance: result.governance,
            options: { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, quietDays: options.quietDays?.toString() },
          });
          await keepSnapshot(store, state, 'analyze');
        }
        // A reader that stops early (`| head`) is not an error: what it read is what it wanted.
        if (options.format === 'json') writePartsSync(process.stdout.fd, analysedTenantJsonParts(result));
        else process.stdout.write(`${renderAnalysisTable(result, result.identities.map((entry) => entry.governed))}${result.whatIf ? renderWhatIfTable(result.whatIf) : ''}`);
        process.exitCode = EXIT_OK;
      } finally {
        store.close();
      }
    });
}
