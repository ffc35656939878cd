import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, type DemoOutput } from '../../src/sources/demo/index.js';
import { openStore } from '../../src/store/store.js';
import { FakeAzure, type FakeAzureOptions, type FakeBudget, type ThrottleLimit } from './fake-azure-server.js';
import { loadDemoTenant } from './demo-tenant.js';
import type { FakeTenant } from './fake-tenant.js';
import { fakeToken } from './fake-token.js';

/**
 * What the collect tests share: the demo tenant generated once per file (its smallest size), the fake Azure serving it
 * with a token file the client reads, budgets for a clock 100 times faster than Azure's, and a digest of a store's
 * contents to compare runs by.
 */
export interface DemoFixture {
  work: string;
  demo: DemoOutput;
  tenant: FakeTenant;
  cleanup: () => void;
}

export async function demoFixture(prefix: string): Promise<DemoFixture> {
  const work = mkdtempSync(join(tmpdir(), `unattended-${prefix}-`));
  const demo = await generateDemo({ outDir: join(work, 'demo'), signIns: 0 });
  return { work, demo, tenant: loadDemoTenant(demo.dataDir, demo.tenantId), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** The documented budgets with a clock 100 times faster (the reports budget: 5 per 100 ms instead of 10 s). */
export const FAST_LIMITS: Readonly<Record<FakeBudget, ThrottleLimit & { concurrent: number }>> = {
  'graph-reports': { requests: 5, perMs: 100, concurrent: 5 },
  'graph-directory': { requests: 700, perMs: 100, concurrent: 8 },
  'graph-conditional-access': { requests: 1, perMs: 10, concurrent: 1 },
  arm: { requests: 25, perMs: 10, concurrent: 8 },
  'resource-graph': { requests: 15, perMs: 50, concurrent: 3 },
  'log-analytics': { requests: 200, perMs: 300, concurrent: 5 },
};

export interface RunningFake {
  server: FakeAzure;
  url: string;
  tokenFile: string;
  limitsFile: string;
  /** Replace the token (the fault token-expiry does this through onTokenExpired). */
  rotateToken: () => void;
  urls: { graph: string; arm: string; logAnalytics: string };
  close: () => Promise<void>;
}

export async function startFake(dir: string, options: Omit<FakeAzureOptions, 'tokens' | 'limits' | 'onTokenExpired'> & { limits?: FakeAzureOptions['limits'] }): Promise<RunningFake> {
  const tokens = new Set<string>();
  let serial = 0;
  const tokenFile = join(dir, `tokens-${Math.random().toString(36).slice(2)}`);
  const limitsFile = `${tokenFile}.limits.json`;
  let url = '';
  const rotateToken = (): void => {
    serial += 1;
    const token = fakeToken(url, serial);
    tokens.add(token);
    writeFileSync(tokenFile, `${token}\n`);
  };
  const server = new FakeAzure({ ...options, tokens, limits: options.limits ?? FAST_LIMITS, onTokenExpired: rotateToken });
  url = await server.start();
  rotateToken();
  writeFileSync(limitsFile, JSON.stringify(FAST_LIMITS));
  return {
    server,
    url,
    tokenFile,
    limitsFile,
    rotateToken,
    urls: { graph: `${url}/graph`, arm: `${url}/arm`, logAnalytics: `${url}/loganalytics` },
    close: () => server.close(),
  };
}

/** The CLI arguments that point collect at a running fake. */
export function collectArgs(fake: RunningFake, db: string, since: string, until: string, extra: readonly string[] = []): string[] {
  return ['collect', '--db', db, '--access-token-file', fake.tokenFile, '--graph-url', fake.urls.graph, '--arm-url', fake.urls.arm, '--loganalytics-url', fake.urls.logAnalytics, '--api-limits', fake.limitsFile, '--since', since, '--until', until, ...extra];
}

/** Tables collect writes, each as its rows sorted, without batch ids (which differ between runs by design). */
const DIGEST_TABLES: readonly (readonly [table: string, order: string, batched?: false])[] = [
  ['sign_ins', 'id, kind'],
  ['operations', 'id'],
  ['identities', 'id'],
  ['registration_details', 'user_id'],
  ['applications', 'id'],
  ['credentials', 'id'],
  ['role_assignments', 'id'],
  ['conditional_access_policies', 'id'],
  ['named_locations', 'id'],
  ['group_members', 'group_id, member_id'],
  ['policy_states', 'id'],
  ['tenant', 'key', false],
];

export async function storeDigest(db: string): Promise<Record<string, string>> {
  const store = await openStore(db, { readOnly: true });
  try {
    const digest: Record<string, string> = {};
    for (const [table, order, batched] of DIGEST_TABLES) {
      const source = batched === false ? table : `(SELECT * EXCLUDE (batch_id) FROM ${table})`;
      const [row] = await store.all<{ rows: string | null; n: number }>(
        `SELECT count(*)::INTEGER AS n, md5(string_agg(CAST(to_json(t) AS VARCHAR), '\n' ORDER BY ${order})) AS rows FROM ${source} t`,
      );
      digest[table] = `${row?.n ?? 0} ${row?.rows ?? ''}`;
    }
    return digest;
  } finally {
    store.close();
  }
}
