import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { analyseStore, defaultWorkers } from '../engines/parallel/analyse-store.js';
import { reportIdentitiesOf } from '../engines/parallel/report-identities.js';
import { UsageError } from '../errors.js';
import { writeReport } from '../report/write-report.js';
import { terminalSafe } from '../report/terminal-text.js';
import { scanPaths } from '../scan/index.js';
import { storeScanFindings } from '../scan/store-findings.js';
import { DEFAULT_SEED, generateDemo, MAX_SIGN_INS } from '../sources/demo/index.js';
import { importPaths } from '../sources/import/index.js';
import { loadReportStoreParts } from '../store/read-model/report-input.js';
import { openStore } from '../store/store.js';
import { renderPlan } from '../report/plan-text.js';
import { renderAnalysisTable } from './analyze.js';
import { debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';
import { terminalProgress } from './progress.js';

export const DEFAULT_DEMO_DIR = 'unattended-demo';

const optionsSchema = z.object({
  out: z.string().min(1),
  db: z.string().min(1).optional(),
  signIns: z.coerce.number().int().min(0).max(MAX_SIGN_INS).optional(),
  seed: z.coerce.number().int().nonnegative().default(DEFAULT_SEED),
});

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return terminalSafe(rel.startsWith('..') ? path : rel);
}

/**
 * The main job on the built-in demo tenant: generate → import → scan → analyze → report, through the same
 * importers, scanner, engines and reporters a real tenant goes through.
 */
export async function runDemo(raw: unknown): Promise<void> {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`invalid --${issue?.path.join('.') ?? 'option'}: ${issue?.message ?? 'invalid'}`, `see unattended demo --help (--sign-ins up to ${MAX_SIGN_INS.toLocaleString('en-US')})`);
  }
  const options = parsed.data;
  const out = resolve(options.out);
  const progress = terminalProgress();
  const started = Date.now();

  const demo = await generateDemo({ outDir: out, seed: options.seed, signIns: options.signIns, progress });
  // The demo's own store is rebuilt each run, so a rerun with another --sign-ins never mixes tenants.
  const dbPath = options.db ?? join(out, 'unattended.duckdb');
  if (!options.db) {
    rmSync(dbPath, { force: true });
    rmSync(`${dbPath}.wal`, { force: true });
  }
  const store = await openStore(dbPath);
  try {
    const imported = await importPaths(store, [demo.dataDir], { progress });
    const quarantined = imported.files.reduce((sum, file) => sum + file.quarantined, 0);
    const stored = imported.files.reduce((sum, file) => sum + file.stored, 0);

    const scan = await scanPaths([demo.repoDir], { progress });
    await storeScanFindings(store, demo.repoDir, scan.findings);

    const config = loadConfig(demo.configPath);
    const analysis = await analyseStore(store, { config }, defaultWorkers(), { report: true, plans: true });
    const parts = await loadReportStoreParts(store);
    const { identities, detailChunks, threads: _threads, ...head } = analysis;
    const report = writeReport(join(out, 'report'), { analysis: head, identities: reportIdentitiesOf(identities, detailChunks), scanFindings: parts.scanFindings, imports: parts.imports, generatedAt: analysis.asOf });

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      `Demo tenant ${demo.tenantId}: ${demo.counts.users} users (${demo.counts.serviceAccounts} service accounts), ${demo.counts.workloads} workload identities, ${demo.counts.signIns.toLocaleString('en-US')} sign-ins, ${demo.counts.operations.toLocaleString('en-US')} Activity-log operations.`,
      `Imported ${stored.toLocaleString('en-US')} records from ${imported.files.length} files (${quarantined} quarantined); scanned ${scan.filesSeen} files of the sample repository: ${scan.findings.length} sign-ins in code.`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    process.stdout.write(renderAnalysisTable(analysis, analysis.identities.map((entry) => entry.governed)));
    // One plan as an example: a pipeline account, whose federated credential subject comes from the sample repository.
    const example = analysis.identities.find((identity) => identity.plan?.target.kind === 'workload-identity-federation' && identity.plan.target.subjects.length > 0);
    if (example?.plan) process.stdout.write(`\nExample migration plan (unattended plan ${terminalSafe(example.upn ?? example.id)} --db ${shown(store.path)}):\n${renderPlan(example, example.plan, 'table')}`);
    process.stdout.write('\n');
    if (report.htmlPath) process.stdout.write(`HTML report:   ${shown(report.htmlPath)}\n`);
    if (report.jsonPath) process.stdout.write(`analyze JSON:  ${shown(report.jsonPath)}\n`);
    process.stdout.write(`store:         ${shown(store.path)}\n`);
    process.stdout.write(`policy:        ${shown(demo.configPath)}  (try: npx unattended analyze --db ${shown(store.path)} --policy ${shown(demo.configPath)})\n`);
    process.stdout.write(`what-if:       ${shown(demo.whatIfPath)}  (try: npx unattended analyze --db ${shown(store.path)} --policy ${shown(demo.configPath)} --what-if ${shown(demo.whatIfPath)})\n`);
    process.stdout.write(`ground truth:  ${shown(demo.groundTruthPath)}\n`);
    process.stdout.write(`Done in ${seconds} s.\n`);
    process.exitCode = EXIT_OK;
  } finally {
    store.close();
  }
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the whole job on a generated demo tenant and sample repository: generate → import → scan → analyze → report')
    .addOption(new Option('--out <dir>', 'where the demo tenant, store and report go').default(DEFAULT_DEMO_DIR))
    .option('--db <file>', 'the store to use (default: <out>/unattended.duckdb, rebuilt each run)')
    .option('--sign-ins <n>', `scale the tenant to about this many sign-ins (up to ${MAX_SIGN_INS.toLocaleString('en-US')})`)
    .option('--seed <n>', 'seed of the generator (same seed, same bytes)')
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      await runDemo(raw);
    });
}

