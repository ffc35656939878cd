import { timingSafeEqual } from 'node:crypto';

/** The header the dashboard's own script sends its token in (web/src/data/remote-source.ts). */
export const TOKEN_HEADER = 'x-unattended-token';
/** The query parameter the printed URL carries the token in: a page load cannot send a header. */
export const TOKEN_PARAM = 'token';

export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

/** What a request brings that the guard judges. */
export interface GuardedRequest {
  method: string;
  /** The Host header (absent: undefined). */
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  tokenHeader: string | undefined;
  tokenParam: string | null;
}

export type Refusal = { status: 405 | 403 | 401; reason: string };

/** The names this server answers to: its loopback address and `localhost`, with its port. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a request is refused, or null to serve it. In this order:
 * - any method but GET and HEAD (the dashboard is read-only: it has nothing to write);
 * - a Host that is not this server's own name and port: a page on another site whose name was re-pointed at
 *   127.0.0.1 (DNS rebinding) sends its own name, and reads nothing;
 * - an Origin that is not this server's own, or a browser saying the request comes from another site;
 * - no token, or the wrong one: another user or process of the machine cannot read the tenant's analysis.
 */
export function refusal(request: GuardedRequest, port: number, token: string): Refusal | null {
  if (!ALLOWED_METHODS.some((method) => method === request.method)) return { status: 405, reason: 'read-only: only GET and HEAD' };
  const hosts = allowedHosts(port);
  if (request.host === undefined || !hosts.has(request.host.toLowerCase())) return { status: 403, reason: 'unknown host' };
  if (request.origin !== undefined && ![...hosts].some((host) => request.origin === `http://${host}`)) return { status: 403, reason: 'foreign origin' };
  if (request.secFetchSite === 'cross-site') return { status: 403, reason: 'cross-site request' };
  const given = request.tokenHeader ?? request.tokenParam;
  if (given === undefined || given === null || !sameToken(given, token)) return { status: 401, reason: 'missing or wrong token' };
  return null;
}
