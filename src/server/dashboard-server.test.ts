import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { sortIdentities } from '../engines/identity-order.js';
import { TableColumns } from '../report/html/table-columns.js';
import { cachedBundleWeb } from '../report/html/bundle-web.js';
import { sha256Source } from '../report/html/content-security-policy.js';
import { listedIdentities } from '../report/report-input.js';
import { tableRowOf } from '../report/view-model/identity-views.js';
import { identityDetailSchema, overviewSchema, tablePageSchema } from '../report/view-model/view-schemas.js';
import { EMPTY_QUERY, NO_VALUE, type TableQuery } from '../report/view-model/view-types.js';
import { fixtureAnalysis, fixtureIdentities, fixtureScanFindings } from '../../test/report-fixture.js';
import { queryParams } from '../../web/src/data/remote-source.js';
import { TableIndex } from '../../web/src/data/table-index.js';
import { loadDashboardData, type DashboardData } from './dashboard-data.js';
import { startDashboardServer, type DashboardServer } from './dashboard-server.js';

const TOKEN = 'test-token-0123456789';
const identities = sortIdentities(fixtureIdentities());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and the method are exactly what a test says. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the dashboard server', () => {
  let data: DashboardData;
  let server: DashboardServer;
  const assets = cachedBundleWeb();
  const withToken = { 'x-unattended-token': TOKEN };

  beforeAll(async () => {
    const { identities: _all, summary: _summary, ...head } = fixtureAnalysis();
    data = await loadDashboardData(head, listedIdentities(identities), { scanFindings: fixtureScanFindings(), imports: [], generatedAt: '2026-11-21T08:00:00Z' });
    server = await startDashboardServer({ port: 0, assets, data: () => data, token: TOKEN });
  });

  afterAll(async () => {
    await server?.close();
    data?.close();
  });

  it('listens on 127.0.0.1 and gives a URL carrying its token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('serves the page with the token in the URL, under a strict CSP and no caching, framing or referrer', async () => {
    const page = await send(server.port, `/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'none'; style-src ${sha256Source(assets.styles)}; script-src ${sha256Source(assets.script)}; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect([page.headers['x-content-type-options'], page.headers['referrer-policy'], page.headers['cache-control'], page.headers['x-frame-options']]).toEqual(['nosniff', 'no-referrer', 'no-store', 'DENY']);
    expect(page.body).toContain('<div id="app" data-mode="dashboard">');
    // The page does not repeat the token: its script reads it from the address.
    expect(page.body).not.toContain(TOKEN);
    const head = await send(server.port, `/?token=${TOKEN}`, { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String(Buffer.byteLength(page.body))]);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    for (const path of ['/', '/api/overview', '/api/identities', '/api/identity?id=11111111-0000-0000-0000-000000000001']) {
      expect([path, (await send(server.port, path)).status]).toEqual([path, 401]);
      expect([path, (await send(server.port, path, { headers: { 'x-unattended-token': 'guess' } })).status]).toEqual([path, 401]);
    }
    const refused = await send(server.port, '/api/overview');
    expect(refused.body).toBe('missing or wrong token\n');
    expect(refused.headers['content-security-policy']).toBeDefined();
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    expect((await send(server.port, `/?token=${TOKEN}`, { headers: { host: `attacker.example:${server.port}` } })).status).toBe(403);
    expect((await send(server.port, '/api/overview', { headers: { ...withToken, host: 'attacker.example' } })).status).toBe(403);
    expect((await send(server.port, '/api/overview', { headers: { ...withToken, origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await send(server.port, '/api/overview', { headers: { ...withToken, host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses a cross-site fetch even with the token, and every refusal carries the page\'s CSP and forbids caching', async () => {
    const csp = (await send(server.port, `/?token=${TOKEN}`)).headers['content-security-policy'];
    const refused = [
      await send(server.port, '/api/overview', { headers: { ...withToken, 'sec-fetch-site': 'cross-site' } }),
      await send(server.port, '/api/overview', { headers: { ...withToken, host: 'attacker.example' } }),
      await send(server.port, '/api/overview', { headers: { ...withToken, origin: 'null' } }),
      await send(server.port, '/api/overview', { method: 'POST', headers: withToken }),
      await send(server.port, '/api/overview'),
    ];
    expect(refused.map((answer) => [answer.status, answer.body])).toEqual([
      [403, 'cross-site request\n'], [403, 'unknown host\n'], [403, 'foreign origin\n'], [405, 'read-only: only GET and HEAD\n'], [401, 'missing or wrong token\n'],
    ]);
    for (const answer of refused) expect([answer.headers['content-security-policy'], answer.headers['cache-control']]).toEqual([csp, 'no-store']);
  });

  it('has no write method: everything but GET and HEAD is refused', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const answer = await send(server.port, '/api/overview', { method, headers: withToken });
      expect([method, answer.status, answer.headers['allow']]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  it('answers the overview the report embeds', async () => {
    const answer = await send(server.port, '/api/overview', { headers: withToken });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const overview = z.parse(overviewSchema, JSON.parse(answer.body));
    expect(overview).toEqual(data.overview);
    expect(overview.total).toBe(13);
    expect(overview.serviceAccounts).toEqual({ total: 4, broken: 1, breaks: 2, atRisk: 1, firstBreak: '2026-12-15' });
  });

  it('pages the table from DuckDB with the same rows, in the same order, as the report\'s in-page search', async () => {
    const columns = new TableColumns();
    identities.forEach((identity, index) => columns.add(tableRowOf(identity, index), { chunk: 0, position: index }));
    const index = new TableIndex(JSON.parse(JSON.stringify(columns.finish())));
    const queries: Partial<TableQuery>[] = [
      {}, { text: 'SVC-' }, { text: '<img' }, { text: 'platform' }, { class: 'human' }, { class: 'service-account', verdict: 'breaks' }, { breaksOn: '2026-12-15' },
      { phase: NO_VALUE }, { owner: NO_VALUE }, { owner: 'Platform team' }, { sort: 'name' }, { sort: 'name', descending: true }, { sort: 'confidence', descending: true },
      { sort: 'breaksOn' }, { sort: 'breaksOn', descending: true }, { sort: 'action' }, { sort: 'owner' }, { sort: 'automation', descending: true },
      { sort: 'urgency', descending: true }, { sort: 'class', text: 'e' }, { sort: 'verdict', descending: true },
    ];
    for (const change of queries) {
      const query = { ...EMPTY_QUERY, ...change };
      const params = queryParams(query);
      params.set('limit', '500');
      const answer = await send(server.port, `/api/identities?${params.toString()}`, { headers: withToken });
      const page = z.parse(tablePageSchema, JSON.parse(answer.body));
      const expected = Array.from(index.matching(query), (at) => index.row(at));
      expect([change, page.total, page.rows]).toEqual([change, expected.length, expected]);
    }
  });

  it('pages with offset and limit, and refuses a query it cannot read', async () => {
    const page = z.parse(tablePageSchema, JSON.parse((await send(server.port, '/api/identities?offset=4&limit=3', { headers: withToken })).body));
    expect([page.total, page.offset, page.rows.map((row) => row.id.slice(-2))]).toEqual([13, 4, ['01', '03', '06']]);
    const bad = await send(server.port, '/api/identities?limit=501', { headers: withToken });
    expect([bad.status, bad.body]).toEqual([400, 'limit: Too big: expected number to be <=500\n']);
    expect((await send(server.port, '/api/identities?sort=drop%20table', { headers: withToken })).status).toBe(400);
  });

  it('answers one identity\'s detail by id, and 404 for an id it does not have', async () => {
    const answer = await send(server.port, '/api/identity?id=11111111-0000-0000-0000-000000000001', { headers: withToken });
    const detail = z.parse(identityDetailSchema, JSON.parse(answer.body));
    expect([detail.displayName, detail.evidence.length, detail.automationLinks, detail.ownerDetail]).toEqual([
      'svc-vm-cli', 4, [{ file: 'scripts/rotate-vms.sh', line: 12, authMethod: 'user-password' }], [['Team', 'Platform team'], ['Matched by', 'upn: svc-vm-cli@contoso.example']],
    ]);
    expect((await send(server.port, '/api/identity?id=nobody', { headers: withToken })).status).toBe(404);
    expect((await send(server.port, '/nowhere', { headers: withToken })).status).toBe(404);
  });
});
