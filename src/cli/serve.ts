import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { analyseStore, defaultWorkers, type AnalysedTenant } from '../engines/parallel/analyse-store.js';
import { reportIdentitiesOf } from '../engines/parallel/report-identities.js';
import { UsageError } from '../errors.js';
import type { SnapshotHistory } from '../model/governance-diff.js';
import { webAssets } from '../report/html/web-assets.js';
import { terminalSafe } from '../report/terminal-text.js';
import { loadDashboardData, type DashboardData } from '../server/dashboard-data.js';
import { startDashboardServer } from '../server/dashboard-server.js';
import { LiveAnalysis, storeStamp } from '../server/live-analysis.js';
import { loadReportStoreParts, type ReportStoreParts } from '../store/read-model/report-input.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';
import { loadSnapshotHistory } from './snapshot-history.js';
import { readWhatIfFiles } from './what-if-files.js';

const DEFAULT_CONFIG = 'unattended.yaml';

const optionsSchema = z.object({
  db: z.string().min(1),
  port: z.coerce.number({ error: () => ({ message: '--port takes a port number' }) }).int('--port takes a port number').min(0, '--port takes 0 to 65535').max(65_535, '--port takes 0 to 65535').default(0),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  whatIf: z.array(z.string().min(1)).optional(),
});

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('the report\'s views, live over the store, on 127.0.0.1 with a per-run access token (read-only)')
    .addOption(dbOption())
    .option('--port <port>', 'the port to listen on (default: any free one)')
    .option('--as-of <time>', 'judge as of this date or ISO time (default: the newest record)')
    .option('--phase1-date <date>', "the tenant's Phase 1 (portal) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)")
    .option('--phase2-date <date>', "the tenant's Phase 2 (ARM writes) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)")
    .option('--policy <file>', `the unattended.yaml to use (default: ./${DEFAULT_CONFIG} when present)`)
    .option('--what-if <files...>', 'Conditional Access policies (Microsoft Graph JSON) to judge as if on, as analyze --what-if does: adds the what-if diff (who would newly fail, and why)')
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended serve --help');
      const options = parsed.data;
      const configPath = options.policy ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
      const config = configPath === null ? null : (await import('../config/load-config.js')).loadConfig(configPath);
      const whatIf = options.whatIf === undefined ? undefined : readWhatIfFiles(options.whatIf);
      const analysisOptions = { asOf: options.asOf, phase1Date: options.phase1Date, phase2Date: options.phase2Date, config, whatIf };
      const db = resolve(options.db);

      // The store is open only while it is analysed: imports can run beside the dashboard, which then analyses again.
      async function analyse(): Promise<DashboardData> {
        const store = await openStore(db, { readOnly: true });
        let tenant: AnalysedTenant;
        let parts: ReportStoreParts;
        let history: SnapshotHistory | null;
        try {
          tenant = await analyseStore(store, analysisOptions, defaultWorkers(), { report: true });
          parts = await loadReportStoreParts(store);
          history = await loadSnapshotHistory(store);
        } finally {
          store.close();
        }
        const { identities, detailChunks, threads: _threads, summary: _summary, ...head } = tenant;
        return loadDashboardData(head, reportIdentitiesOf(identities, detailChunks), { ...parts, history, generatedAt: new Date().toISOString() });
      }

      const live = await LiveAnalysis.start(analyse, () => storeStamp(db));
      const server = await startDashboardServer({ port: options.port, assets: webAssets(), data: () => live.data, onOverview: () => void live.poke() });
      process.stdout.write(
        `dashboard: ${server.url}\n` +
          `serving ${live.data.overview.total.toLocaleString('en-US')} identities from ${terminalSafe(db)}, read-only, on 127.0.0.1 only; the link's token is this run's: share it with no one. Ctrl+C stops.\n`,
      );
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close();
      await live.close();
      process.exitCode = EXIT_OK;
    });
}
