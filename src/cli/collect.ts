import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { BUDGET_IDS, type BudgetId } from '../catalog/api-limits.js';
import { CLOUD_IDS, cloudById, type CloudId } from '../catalog/clouds.js';
import { MICROSOFT_GRAPH_RESOURCE_ID } from '../catalog/enforcement.js';
import { ConfigError, UsageError } from '../errors.js';
import { terminalSafe } from '../report/terminal-text.js';
import { AUTH_METHODS, AzureIdentitySource, type AuthMethod } from '../sources/collect/auth/azure-identity-source.js';
import { TokenFileSource } from '../sources/collect/auth/token-file-source.js';
import type { TokenSource } from '../sources/collect/auth/token-source.js';
import type { ApiEndpoints } from '../sources/collect/collect-context.js';
import { collectTenant, createBudgets, type CollectSummary, type Pushdown } from '../sources/collect/collect-tenant.js';
import { assertSafeUrl } from '../sources/collect/http/api-client.js';
import type { BudgetLimits } from '../sources/collect/http/rate-budget.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { collectProgress } from './collect-progress.js';
import { collectWindow } from './collect-window.js';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

const optionsSchema = z.object({
  db: z.string().min(1),
  tenant: z.string().min(1).optional(),
  since: z.string().min(1).default('30d'),
  until: z.string().min(1).optional(),
  cloud: z.enum(['public', 'usgov', 'china'], { error: () => ({ message: `--cloud must be one of ${CLOUD_IDS.join(', ')}` }) }).default('public'),
  graphUrl: z.string().min(1).optional(),
  armUrl: z.string().min(1).optional(),
  loginUrl: z.string().min(1).optional(),
  loganalyticsUrl: z.string().min(1).optional(),
  auth: z.enum(['default', 'device-code', 'workload-identity', 'managed-identity'], { error: () => ({ message: `--auth must be one of ${AUTH_METHODS.join(', ')}` }) }).default('default'),
  clientId: z.string().min(1).optional(),
  accessTokenFile: z.string().min(1).optional(),
  windowHours: z.coerce.number().int().min(1).max(24 * 7).optional(),
  requestTimeout: z.coerce.number().positive().optional(),
  apiLimits: z.string().min(1).optional(),
  fromLogAnalytics: z.string().regex(/^[0-9A-Za-z-]+$/u, '--from-log-analytics takes a workspace ID').optional(),
  fromAdx: z.string().min(3).optional(),
  format: z.enum(['table', 'json'], { error: () => ({ message: '--format must be table or json' }) }).default('table'),
});

type CollectCliOptions = z.infer<typeof optionsSchema>;

function endpointUrl(value: string | undefined, fallback: string, flag: string): string {
  const url = value ?? fallback;
  try {
    assertSafeUrl(url);
  } catch {
    throw new UsageError(`${flag} ${url} is not an https URL (plain http is allowed only on this machine)`, `give ${flag} as https://…`);
  }
  return url.replace(/\/+$/u, '');
}

export function apiEndpoints(options: Pick<CollectCliOptions, 'cloud' | 'graphUrl' | 'armUrl' | 'loganalyticsUrl'>): ApiEndpoints {
  const cloud = cloudById(options.cloud);
  return {
    graph: endpointUrl(options.graphUrl, cloud.graph, '--graph-url'),
    arm: endpointUrl(options.armUrl, cloud.arm, '--arm-url'),
    logAnalytics: endpointUrl(options.loganalyticsUrl, cloud.logAnalytics, '--loganalytics-url'),
  };
}

/** The audiences a token may carry for each API besides the API's origin (ARM's older audience; Graph's app ID). */
function audienceAliases(urls: ApiEndpoints): Record<string, string[]> {
  return {
    [new URL(urls.graph).origin.toLowerCase()]: [MICROSOFT_GRAPH_RESOURCE_ID],
    [new URL(urls.arm).origin.toLowerCase()]: ['https://management.core.windows.net'],
  };
}

export function tokenSource(options: Pick<CollectCliOptions, 'accessTokenFile' | 'auth' | 'tenant' | 'clientId' | 'cloud' | 'loginUrl'>, urls: ApiEndpoints): TokenSource {
  if (options.accessTokenFile !== undefined) return new TokenFileSource(options.accessTokenFile, audienceAliases(urls));
  const authorityHost = endpointUrl(options.loginUrl, cloudById(options.cloud).login, '--login-url');
  return new AzureIdentitySource({
    method: options.auth satisfies AuthMethod,
    tenantId: options.tenant ?? null,
    clientId: options.clientId ?? null,
    authorityHost,
    prompt: (message) => process.stderr.write(`${terminalSafe(message)}\n`),
  });
}

const limitsSchema = z.record(z.string(), z.object({ requests: z.number().int().positive(), perMs: z.number().int().positive(), concurrent: z.number().int().positive() }));

/** --api-limits FILE (hidden): budgets for a test server whose clock runs faster than Azure's. */
export function apiLimits(path: string | undefined): Partial<Record<BudgetId, BudgetLimits>> {
  if (path === undefined) return {};
  const parsed = limitsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new ConfigError(`${path}: not a map of budget → {requests, perMs, concurrent}`);
  const limits: Partial<Record<BudgetId, BudgetLimits>> = {};
  for (const id of BUDGET_IDS) {
    const entry = parsed.data[id];
    if (entry) limits[id] = entry;
  }
  return limits;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function renderCollectSummary(summary: CollectSummary, seconds: number): string {
  const out: string[] = [];
  const stored = summary.stored;
  out.push(`collected ${stored.stored.toLocaleString('en-US')} new records (${stored.read.toLocaleString('en-US')} read, ${stored.duplicates.toLocaleString('en-US')} already stored, ${stored.quarantined} quarantined) in ${seconds.toFixed(1)} s${summary.tenantId ? `; tenant ${terminalSafe(summary.tenantId)}` : ''}`);
  const header = ['endpoint', 'scopes', 'complete', 'records'];
  const rows = summary.endpoints.map((entry) => [entry.endpoint, String(entry.scopes), String(entry.complete), entry.rows.toLocaleString('en-US')]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  out.push('', ...[header, ...rows].map((row) => row.map((cell, column) => pad(cell, widths[column] ?? 0, column > 0)).join('  ')));
  const missing = summary.preflight.filter((check) => !check.granted);
  if (missing.length > 0) out.push('', 'missing permissions (the identities they touch are analysed as unknown):', ...missing.map((check) => `  no ${check.permission}: ${check.costs}`));
  if (summary.warnings.length > 0) out.push('', 'warnings:', ...summary.warnings.map((warning) => `  ${terminalSafe(warning)}`));
  const failures = summary.gaps.filter((gap) => gap.failure !== 'permission');
  if (failures.length > 0) {
    out.push('', `incomplete (${failures.length}; run collect again to resume):`);
    for (const gap of failures.slice(0, 20)) out.push(`  ${gap.endpoint}${gap.scope ? ` ${gap.scope}` : ''}: ${terminalSafe(gap.reason)}`);
    if (failures.length > 20) out.push(`  … and ${failures.length - 20} more`);
  }
  const waits = summary.budgets.filter((budget) => budget.requests > 0);
  out.push('', `requests: ${waits.map((budget) => `${budget.id} ${budget.requests}${budget.throttled > 0 ? ` (${budget.throttled} throttled)` : ''}`).join(', ')}`);
  const retries = Object.entries(summary.retries).filter(([, count]) => count > 0);
  if (retries.length > 0) out.push(`retries: ${retries.map(([cause, count]) => `${cause} ${count}`).join(', ')}`);
  return `${out.join('\n')}\n`;
}

/** --from-adx CLUSTER/DB: the cluster as a URL or a host (https:// is added), the database after the last slash. */
export function adxTarget(value: string): { cluster: string; database: string } {
  const slash = value.lastIndexOf('/');
  const database = value.slice(slash + 1);
  const host = value.slice(0, Math.max(0, slash)).replace(/\/+$/u, '');
  if (slash <= 0 || database === '' || host === '' || host.endsWith(':')) throw new UsageError(`--from-adx ${value} is not CLUSTER/DATABASE`, 'e.g. --from-adx https://mycluster.westeurope.kusto.windows.net/SecurityLogs');
  const cluster = /^[a-z]+:\/\//iu.test(host) ? host : `https://${host}`;
  return { cluster: endpointUrl(cluster, cluster, '--from-adx'), database };
}

function pushdownOf(options: CollectCliOptions): Pushdown | undefined {
  if (options.fromLogAnalytics !== undefined && options.fromAdx !== undefined) throw new UsageError('--from-log-analytics and --from-adx are alternatives', 'give one of them');
  if (options.fromLogAnalytics !== undefined) return { kind: 'log-analytics', workspace: options.fromLogAnalytics };
  if (options.fromAdx !== undefined) return { kind: 'adx', ...adxTarget(options.fromAdx) };
  return undefined;
}

export function registerCollect(program: Command): void {
  program
    .command('collect')
    .description('collect the tenant live from Microsoft Graph and Azure Resource Manager (read-only): directory, sign-ins of all four kinds, Activity log; resumable')
    .addOption(dbOption())
    .option('--tenant <id>', 'the tenant (directory) ID to sign in to')
    .option('--since <when>', 'start of the window: 30d, 12h, a date or an ISO time (default 30d)')
    .option('--until <time>', 'end of the window: a date or an ISO time (default now)')
    .addOption(new Option('--cloud <cloud>', `public, usgov or china: sets the login, Graph, ARM and Log Analytics endpoints`).default('public'))
    .option('--graph-url <url>', 'Microsoft Graph endpoint (overrides --cloud)')
    .option('--arm-url <url>', 'Azure Resource Manager endpoint (overrides --cloud)')
    .option('--login-url <url>', 'Microsoft Entra login endpoint (overrides --cloud)')
    .option('--loganalytics-url <url>', 'Log Analytics query endpoint (overrides --cloud)')
    .addOption(new Option('--auth <method>', `how to sign in: ${AUTH_METHODS.join(', ')}`).default('default'))
    .option('--client-id <id>', 'the app (or user-assigned managed identity) to sign in as')
    .option('--access-token-file <file>', 'access tokens obtained elsewhere, one per line (Graph and ARM), instead of signing in')
    .option('--from-log-analytics <workspace>', 'run the per-identity aggregation as KQL in this Log Analytics workspace (sign-ins and AzureActivity stay there; only feature rows come back)')
    .option('--from-adx <cluster/db>', 'the same in an Azure Data Explorer database, e.g. https://mycluster.westeurope.kusto.windows.net/SecurityLogs')
    .addOption(new Option('--window-hours <n>', 'width of a collection window in hours').hideHelp())
    .addOption(new Option('--request-timeout <seconds>', 'per-request timeout').hideHelp())
    .addOption(new Option('--api-limits <file>', 'request budgets for a test server').hideHelp())
    .addOption(new Option('--format <format>', 'table or json').default('table'))
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended collect --help');
      const options = parsed.data;
      const urls = apiEndpoints(options);
      const window = collectWindow(options.since, options.until, new Date());
      const tokens = tokenSource(options, urls);
      const limits = apiLimits(options.apiLimits);
      const pushdown = pushdownOf(options);
      const store = await openStore(options.db);
      const started = Date.now();
      const budgets = createBudgets(limits);
      try {
        const summary = await collectTenant(store, {
          tokens,
          urls,
          cloud: options.cloud satisfies CloudId,
          since: window.since,
          until: window.until,
          tenantId: options.tenant ?? null,
          budgets,
          ...(pushdown === undefined ? {} : { pushdown }),
          ...(options.windowHours === undefined ? {} : { settings: { windowMs: options.windowHours * 3_600_000 } }),
          ...(options.requestTimeout === undefined ? {} : { client: { timeoutMs: options.requestTimeout * 1000 } }),
          progress: collectProgress(process.stderr, () => Object.values(budgets).map((budget) => ({ id: budget.id, ...budget.stats }))),
        });
        const seconds = (Date.now() - started) / 1000;
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else process.stdout.write(renderCollectSummary(summary, seconds));
        const failures = summary.gaps.filter((gap) => gap.failure !== 'permission');
        for (const gap of failures.slice(0, 5)) process.stderr.write(`unattended: collect incomplete: ${gap.endpoint}${gap.scope ? ` ${gap.scope}` : ''}: ${terminalSafe(gap.reason)}\n`);
        process.exitCode = failures.length > 0 ? EXIT_INPUT : EXIT_OK;
      } finally {
        store.close();
      }
    });
}
