import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { analyseStore, defaultWorkers } from '../engines/parallel/analyse-store.js';
import { reportIdentitiesOf } from '../engines/parallel/report-identities.js';
import { InputError, UsageError } from '../errors.js';
import type { ReportInput } from '../report/report-input.js';
import { terminalSummary } from '../report/terminal-summary.js';
import { terminalSafe } from '../report/terminal-text.js';
import { DEFAULT_REPORT_DIR, writeReport, type WrittenReport } from '../report/write-report.js';
import { loadReportStoreParts } from '../store/read-model/report-input.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';
import { loadSnapshotHistory } from './snapshot-history.js';
import { readWhatIfFiles } from './what-if-files.js';

const DEFAULT_CONFIG = 'unattended.yaml';

const optionsSchema = z.object({
  db: z.string().min(1),
  out: z.string().min(1),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  whatIf: z.array(z.string().min(1)).optional(),
});

/** A folder we cannot write is the user's to fix (exit 2 with a hint), not a crash. */
function writeOrExplain(outDir: string, input: ReportInput): WrittenReport {
  try {
    return writeReport(outDir, input);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : null;
    if (code === null) throw error;
    throw new InputError(`cannot write the report to ${outDir} (${code})`, 'pass --out DIR naming a folder you can write');
  }
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the offline HTML report, with analysis.json, identities.csv and scan-findings.csv beside it')
    .addOption(dbOption())
    .option('--out <dir>', 'the folder to write the report into', `./${DEFAULT_REPORT_DIR}`)
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record)')
    .option('--phase1-date <date>', "the tenant's Phase 1 (portal) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)")
    .option('--phase2-date <date>', "the tenant's Phase 2 (ARM writes) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)")
    .option('--policy <file>', `the unattended.yaml to use (default: ./${DEFAULT_CONFIG} when present)`)
    .option('--what-if <files...>', 'Conditional Access policies (Microsoft Graph JSON) to judge as if on, as analyze --what-if does: adds the what-if diff (who would newly fail, and why)')
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended report --help');
      const options = parsed.data;
      const configPath = options.policy ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
      const config = configPath === null ? null : loadConfig(configPath);
      // store → read model → reporters: the reporters never see the store.
      const store = await openStore(options.db, { readOnly: true });
      let input: ReportInput;
      try {
        // The same streamed, shared analysis as analyze; the threads that analyse an identity also render its parts of
        // the report (row, CSV record, compressed details): a tenant's analysis objects are never all in memory.
        const whatIf = options.whatIf === undefined ? undefined : readWhatIfFiles(options.whatIf);
        const analysisOptions = { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, config, whatIf };
        const { identities, detailChunks, threads: _threads, ...analysis } = await analyseStore(store, analysisOptions, defaultWorkers(), { report: true });
        const parts = await loadReportStoreParts(store);
        const history = await loadSnapshotHistory(store);
        input = { analysis, identities: reportIdentitiesOf(identities, detailChunks), scanFindings: parts.scanFindings, imports: parts.imports, history, generatedAt: new Date().toISOString() };
      } finally {
        store.close();
      }
      const written = writeOrExplain(options.out, input);
      const lines = [
        `report: ${terminalSafe(written.htmlPath ?? '')}`,
        `data:   ${[written.jsonPath ?? '', ...written.csvPaths].map(terminalSafe).join(', ')}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n${terminalSummary(input)}`);
      process.exitCode = EXIT_OK;
    });
}
