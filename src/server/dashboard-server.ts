import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../report/html/content-security-policy.js';
import { appScript, pageEnd, pageStart } from '../report/html/page-shell.js';
import type { WebAssets } from '../report/html/web-assets.js';
import type { DashboardData } from './dashboard-data.js';
import { refusal, TOKEN_HEADER, TOKEN_PARAM } from './request-guard.js';
import { pageRequest } from './table-query-params.js';

/** Loopback only: the dashboard shows a tenant's most sensitive logs to whoever can reach it. */
export const DASHBOARD_HOST = '127.0.0.1';

export interface DashboardServer {
  /** The address to open, with the token. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** 0: any free port. */
  port: number;
  assets: WebAssets;
  /** The analysis being served now (it may be replaced while the server runs). */
  data: () => DashboardData;
  /** Called on every overview request: a chance to notice the store changed. */
  onOverview?: () => void;
  /** Tests pass one; a run makes its own. */
  token?: string;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The dashboard's HTTP server: read-only, on 127.0.0.1, every request checked by request-guard.ts before anything is
 * read. Routes: the page (`/`), `/api/overview`, `/api/identities` (a page of the table, from DuckDB) and
 * `/api/identity?id=` (one identity's detail). Every answer carries the page's CSP and forbids caching, framing,
 * sniffing and referrers; the token never appears in anything the server writes.
 */
export async function startDashboardServer(options: DashboardOptions): Promise<DashboardServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const csp = contentSecurityPolicy(options.assets.styles, options.assets.script, { connectToSelf: true, asHeader: true });
  const page = `${pageStart('unattended dashboard', options.assets, 'dashboard')}${appScript(options.assets)}${pageEnd()}`;
  const headers: Readonly<Record<string, string>> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  let port = options.port;

  function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
    response.writeHead(status, { ...headers, ...extra, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${DASHBOARD_HOST}`);
    const refused = refusal(
      {
        method: request.method ?? '',
        host: request.headers.host,
        origin: firstHeader(request.headers.origin),
        secFetchSite: firstHeader(request.headers['sec-fetch-site']),
        tokenHeader: firstHeader(request.headers[TOKEN_HEADER]),
        tokenParam: url.searchParams.get(TOKEN_PARAM),
      },
      port,
      token,
    );
    if (refused) {
      send(request, response, refused.status, 'text/plain; charset=utf-8', `${refused.reason}\n`, refused.status === 405 ? { Allow: 'GET, HEAD' } : {});
      return;
    }
    const data = options.data();
    switch (url.pathname) {
      case '/':
        send(request, response, 200, 'text/html; charset=utf-8', page);
        return;
      case '/api/overview':
        options.onOverview?.();
        send(request, response, 200, 'application/json; charset=utf-8', JSON.stringify(data.overview));
        return;
      case '/api/identities': {
        const asked = pageRequest(url.searchParams);
        if ('problem' in asked) {
          send(request, response, 400, 'text/plain; charset=utf-8', `${asked.problem}\n`);
          return;
        }
        send(request, response, 200, 'application/json; charset=utf-8', JSON.stringify(await data.page(asked.query, asked.offset, asked.limit)));
        return;
      }
      case '/api/identity': {
        const detail = await data.detailJson(url.searchParams.get('id') ?? '');
        if (detail === null) send(request, response, 404, 'text/plain; charset=utf-8', 'no such identity\n');
        else send(request, response, 200, 'application/json; charset=utf-8', detail);
        return;
      }
      default:
        send(request, response, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
  }

  const server = createServer((request, response) => {
    answer(request, response).catch(() => {
      // No detail leaves the server: the request's URL holds the token, the error may hold tenant data.
      if (!response.headersSent) send(request, response, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, DASHBOARD_HOST, () => done());
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : options.port;
  return {
    url: `http://${DASHBOARD_HOST}:${port}/?${TOKEN_PARAM}=${token}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
