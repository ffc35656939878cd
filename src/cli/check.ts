import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { loadPolicy, type LoadedPolicy } from '../config/load-config.js';
import { policyLines } from '../config/policy-lines.js';
import { dayOf } from '../engines/govern/exception-status.js';
import { GATE_RULES } from '../engines/govern/gate-rules.js';
import { governancePolicy } from '../engines/govern/governance-policy.js';
import { governanceState } from '../engines/govern/governance-state.js';
import { runGate } from '../engines/govern/run-gate.js';
import { analyseStore, defaultWorkers } from '../engines/parallel/analyse-store.js';
import { enforcementDates, resolveAsOf } from '../engines/run-analysis.js';
import { ConfigError, UsageError } from '../errors.js';
import type { GateResult } from '../model/gate.js';
import type { GovernanceState, SnapshotMeta } from '../model/governance.js';
import { GATE_FORMATS, GATE_REPORTERS } from '../report/gate/registry.js';
import type { GateFormat } from '../report/gate/gate-report-input.js';
import { terminalSafe } from '../report/terminal-text.js';
import { readBreakingFindings } from '../scan/read-scan-json.js';
import { inputsDigest } from '../store/read-model/governance-inputs.js';
import { hasSnapshots, listSnapshots, loadSnapshot } from '../store/snapshots/read-snapshot.js';
import { snapshotAt } from '../store/snapshots/snapshot-ref.js';
import type { Store } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_GATE, EXIT_OK } from './exit.js';
import { keepSnapshot, openForSnapshot, storeGovernanceState } from './keep-snapshot.js';

const DEFAULT_POLICY = 'unattended.yaml';
const TOOL_VERSION = '0.1.0';

const optionsSchema = z.object({
  db: z.string().min(1),
  policy: z.string().min(1).default(DEFAULT_POLICY),
  scan: z.array(z.string().min(1)).default([]),
  baseline: z.string().min(1).optional(),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
  format: z.enum(['table', 'markdown', 'sarif', 'json'], { error: () => ({ message: `--format must be one of ${GATE_FORMATS.join(', ')}` }) }).default('table'),
  out: z.string().min(1).optional(),
  snapshot: z.boolean().default(true),
  workers: z.coerce.number().int().min(0).max(64).optional(),
});
type CheckOptions = z.infer<typeof optionsSchema>;

/** Paths in findings and SARIF are relative to where check runs, as code scanning wants them. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return isAbsolute(path) && !rel.startsWith('..') ? rel : path;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The snapshot new automation is measured against: the one named, else the last check that passed. */
async function baselineOf(store: Store, ref: string | undefined): Promise<{ meta: SnapshotMeta; state: GovernanceState } | null> {
  if (!(await hasSnapshots(store))) return null;
  const snapshots = await listSnapshots(store);
  const meta = ref === undefined ? [...snapshots].reverse().find((snapshot) => snapshot.command === 'check' && snapshot.gateProblems === 0) : snapshotAt(snapshots, ref, '--baseline');
  if (ref !== undefined && meta === null) throw new UsageError(`--baseline ${ref}: no snapshot was taken by then`, 'unattended diff --list shows the snapshots');
  return meta ? loadSnapshot(store, meta.id) : null;
}

interface Checked {
  result: GateResult;
  identityCount: number;
}

function gateOf(state: GovernanceState, policy: LoadedPolicy, baseline: { meta: SnapshotMeta; state: GovernanceState } | null): GateResult {
  const governance = governancePolicy(policy.config);
  return runGate(
    { state, baseline: baseline?.state ?? null, config: policy.config, policyPath: state.policyPath, lines: policyLines(policy.text), thresholds: governance.gate, day: dayOf(state.asOf) },
    baseline ? { id: baseline.meta.id, takenAt: baseline.meta.takenAt } : null,
  );
}

async function checkStore(options: CheckOptions, policy: LoadedPolicy): Promise<Checked> {
  const { store, writable } = await openForSnapshot(options.db, options.snapshot);
  try {
    const analysisOptions = { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, config: policy.config };
    const analysed = await analyseStore(store, analysisOptions, options.workers ?? defaultWorkers());
    const state = await storeGovernanceState(store, {
      head: analysed, identities: analysed.identities.map((entry) => entry.governed), policy, governance: analysed.governance,
      options: { ...analysisOptions, config: null, scan: options.scan.join('\u0000') || null },
      ...(options.scan.length > 0 ? { findings: options.scan.flatMap(readBreakingFindings) } : {}),
    });
    const baseline = await baselineOf(store, options.baseline);
    const result = gateOf(state, policy, baseline);
    if (writable) await keepSnapshot(store, state, 'check', result.findings.filter((finding) => finding.level === 'error').length);
    return { result, identityCount: state.identities.length };
  } finally {
    store.close();
  }
}

/** Without a store: the policy's own rules and the scanned code, as of --as-of or now. */
function checkCode(options: CheckOptions, policy: LoadedPolicy): Checked {
  if (options.baseline !== undefined) throw new UsageError('--baseline needs a store: there is none at ' + options.db, 'pass --db FILE');
  const asOf = resolveAsOf(options.asOf, null);
  const findings = options.scan.flatMap(readBreakingFindings);
  const state = governanceState({
    asOf, tenantId: policy.config.tenant?.id ?? null, enforcement: enforcementDates({ phase1Date: options.phase1Date, phase2Date: options.phase2Date, config: policy.config }),
    inputsDigest: inputsDigest({ store: null, policyText: policy.text, options: { asOf } }), policy, governance: governancePolicy(policy.config), hasStore: false, identities: [], findings,
  });
  return { result: gateOf(state, policy, null), identityCount: 0 };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('the governance gate for CI: exit 1 with a list when owners, exceptions, retirements or breaking code breach unattended.yaml')
    .addOption(dbOption())
    .option('--policy <file>', `the policy file (default ./${DEFAULT_POLICY})`)
    .option('--scan <file>', 'scan findings to judge (unattended scan --format json --out FILE); repeatable; default: those in the store', collect)
    .option('--baseline <snapshot|date>', 'snapshot that new breaking code is measured against (default: the last check that passed)')
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record, or now without a store)')
    .option('--phase1-date <date>', "the tenant's Phase 1 enforcement date, YYYY-MM-DD")
    .option('--phase2-date <date>', "the tenant's Phase 2 enforcement date, YYYY-MM-DD")
    .addOption(new Option('--format <format>', `${GATE_FORMATS.join(', ')} (markdown: a pull-request comment; sarif: for code scanning)`).default('table'))
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--no-snapshot', 'do not keep this run as a snapshot in the store')
    .option('--workers <n>', 'worker threads for the analysis (see analyze --help)')
    .addOption(debugOption())
    .action(async (raw: unknown, command: Command) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended check --help');
      const options = parsed.data;
      if (!existsSync(options.policy)) throw new ConfigError(`no policy file at ${options.policy}`, 'write one with unattended init, or pass --policy FILE');
      const loaded = loadPolicy(options.policy);
      const policy = { ...loaded, path: shownPath(loaded.path) };
      const explicitDb = command.getOptionValueSource('db') !== 'default' || process.env['UNATTENDED_DB'] !== undefined;
      const useStore = explicitDb || existsSync(options.db);
      if (!useStore && options.scan.length === 0) throw new UsageError(`nothing to check: no store at ${options.db} and no --scan FILE`, 'run unattended import first, or pass --scan FILE from unattended scan --format json --out FILE');
      const checked = useStore ? await checkStore(options, policy) : checkCode(options, policy);
      const format: GateFormat = options.format;
      const reporter = GATE_REPORTERS.get(format);
      if (!reporter) throw new UsageError(`unknown --format ${format}`, `use ${GATE_FORMATS.join(', ')}`);
      const rules = [...GATE_RULES.values()].map((rule) => ({ id: rule.id, level: rule.level, summary: rule.summary }));
      const output = reporter({ result: checked.result, rules, identityCount: checked.identityCount, toolVersion: TOOL_VERSION });
      if (options.out) {
        writeFileSync(options.out, output);
        const problems = checked.result.findings.filter((finding) => finding.level === 'error').length;
        process.stderr.write(`unattended: wrote ${terminalSafe(options.out)} (check ${checked.result.passed ? 'passed' : `failed: ${problems} problem${problems === 1 ? '' : 's'}`})\n`);
      } else {
        process.stdout.write(output);
      }
      process.exitCode = checked.result.passed ? EXIT_OK : EXIT_GATE;
    });
}
