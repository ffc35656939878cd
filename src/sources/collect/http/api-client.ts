import { ApiError, PermissionError, type ApiFailure } from '../../../errors.js';
import type { PermissionId } from '../../../catalog/collect-permissions.js';
import type { TokenSource } from '../auth/token-source.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import type { RateBudget } from './rate-budget.js';
import { retryAfterMs } from './retry-after.js';

/**
 * The one HTTP client every collector uses (Graph, ARM, Resource Graph, Log Analytics). For each request it takes a
 * slot from the API's budget, attaches a bearer token, and reads the whole body before answering. It retries, up to
 * `maxAttempts` in all:
 * - 429 and 5xx: after the Retry-After the service gave (the whole budget waits for it), else after exponential
 *   backoff with full jitter;
 * - connection resets, timeouts, and a 2xx whose body is cut short (no valid JSON): after backoff;
 * - 401: at once, with a renewed token, for as long as the token source has a newer one.
 * It does not retry what retrying cannot fix: 403 is a PermissionError naming the permission the collector said the
 * request needs; other 4xx are BadRequest. A token is never sent over plain HTTP to anything but this machine.
 */
export interface ApiRequest {
  method: 'GET' | 'POST';
  url: string;
  /** JSON body of a POST. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  budget: RateBudget;
  /** Token scope, e.g. https://graph.microsoft.com/.default */
  scope: string;
  /** What is being read, for messages: "graph users". */
  what: string;
  /** The permission a 403 means is missing. */
  permission: PermissionId;
  /** Statuses answered as they are instead of thrown (e.g. 404 for a setting that does not exist, 400 for an expired skip token). */
  passStatuses?: readonly number[];
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  /** The parsed JSON body; null for an empty body. */
  json: unknown;
  /** Bytes of the body, for progress and budgets. */
  bytes: number;
}

export interface ClientOptions {
  maxAttempts: number;
  /** Per-request timeout, headers and body together. */
  timeoutMs: number;
  backoff: BackoffPolicy;
  random: () => number;
}

export const DEFAULT_CLIENT_OPTIONS: ClientOptions = { maxAttempts: 8, timeoutMs: 120_000, backoff: DEFAULT_BACKOFF, random: Math.random };

export type RetryCause = 'throttled' | 'server-error' | 'connection' | 'timeout' | 'truncated' | 'token-renewed';

export interface ClientStats {
  retries: Record<RetryCause, number>;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Plain HTTP only to this machine (tests, a local proxy): a bearer token must never cross a network in clear. */
export function assertSafeUrl(url: string): URL {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return parsed;
  throw new ApiError('BadRequest', `refusing to send a token to ${parsed.origin}: only https, or http on this machine`, 'use an https endpoint');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** The service's own error code and message, if the body carries them (Graph, ARM and Log Analytics all nest them under `error`). */
function serviceError(json: unknown): string {
  if (typeof json !== 'object' || json === null || !('error' in json)) return '';
  const error = json.error;
  if (typeof error !== 'object' || error === null) return '';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const message = 'message' in error && typeof error.message === 'string' ? error.message.split('\n')[0] ?? '' : '';
  return [code, message].filter((part) => part !== '').join(': ').slice(0, 300);
}

function parseBody(text: string): { ok: true; json: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, json: null };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Where the request went, without its query (skip tokens are long and say nothing). */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export class ApiClient {
  readonly stats: ClientStats = { retries: { throttled: 0, 'server-error': 0, connection: 0, timeout: 0, truncated: 0, 'token-renewed': 0 } };
  private readonly options: ClientOptions;

  constructor(
    private readonly tokens: TokenSource,
    options: Partial<ClientOptions> = {},
  ) {
    this.options = { ...DEFAULT_CLIENT_OPTIONS, ...options };
  }

  async request(request: ApiRequest): Promise<ApiResponse> {
    const url = assertSafeUrl(request.url);
    let refused: string | null = null;
    let last = '';
    let failure: ApiFailure = 'RetriesExhausted';
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      const outcome = await this.attempt(request, url, refused);
      if (outcome.kind === 'done') return outcome.response;
      if (outcome.kind === 'unauthorized') {
        // Renewed as long as the token source has a newer token; it throws Unauthorized when it has not.
        refused = outcome.token;
        last = 'refused the token (401)';
        failure = 'Unauthorized';
        this.stats.retries['token-renewed'] += 1;
        continue;
      }
      last = outcome.detail;
      failure = outcome.cause === 'timeout' ? 'Timeout' : outcome.cause === 'truncated' ? 'TruncatedResponse' : 'RetriesExhausted';
      this.stats.retries[outcome.cause] += 1;
      if (attempt === this.options.maxAttempts) break;
      // A Retry-After already paused the whole budget (attempt); without one, this request backs off on its own.
      if (outcome.retryAfterMs === null) await sleep(backoffDelayMs(attempt, this.options.backoff, this.options.random), request.signal);
    }
    throw new ApiError(failure, `${request.what}: ${shown(url)} failed ${this.options.maxAttempts} times; last: ${last}`, failure === 'Unauthorized' ? `check that ${this.tokens.describe} signs in to the right tenant` : 'run collect again later: it resumes where it stopped');
  }

  private async attempt(
    request: ApiRequest,
    url: URL,
    refused: string | null,
  ): Promise<
    | { kind: 'done'; response: ApiResponse }
    | { kind: 'unauthorized'; token: string }
    | { kind: 'retry'; cause: Exclude<RetryCause, 'token-renewed'>; detail: string; retryAfterMs: number | null }
  > {
    // The token first: the budget counts a request when its slot is granted, so the slot is taken just before sending
    // (a token fetched in between would let the request arrive later than counted, and the next one too early).
    const token = await this.tokens.token(request.scope, refused);
    const release = await request.budget.acquire(request.signal);
    let status = 0;
    let text: string;
    let retryAfter: string | null = null;
    try {
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}`, ...request.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await fetch(url, { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body), signal });
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        text = await response.text();
      } catch (error) {
        if (request.signal?.aborted) throw error;
        if (timeout.aborted) return { kind: 'retry', cause: 'timeout', detail: `timed out after ${this.options.timeoutMs} ms`, retryAfterMs: null };
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
        const message = error instanceof Error ? error.message : String(error);
        // undici says "terminated" when the body stops before its declared end.
        if (message === 'terminated') return { kind: 'retry', cause: 'truncated', detail: `truncated response (${cause || 'connection closed mid-body'})`, retryAfterMs: null };
        return { kind: 'retry', cause: 'connection', detail: `connection failed (${cause || message})`, retryAfterMs: null };
      }
    } finally {
      // The pause before the slot is given back: giving it back wakes the next caller, which must already see the
      // Retry-After (set after, it would let a request of the budget out while the service asks everyone to wait).
      const askedMs = status === 429 || status >= 500 ? retryAfterMs(retryAfter, Date.now()) : null;
      if (askedMs !== null) request.budget.pauseUntil(Date.now() + askedMs);
      release(status === 429);
    }
    const body = parseBody(text);
    const bytes = Buffer.byteLength(text);
    if (status >= 200 && status < 300) {
      if (!body.ok) return { kind: 'retry', cause: 'truncated', detail: `truncated response: ${bytes} bytes that are not whole JSON`, retryAfterMs: null };
      return { kind: 'done', response: { status, json: body.json, bytes } };
    }
    const waitMs = retryAfterMs(retryAfter, Date.now());
    if (status === 429) return { kind: 'retry', cause: 'throttled', detail: `429 throttled${waitMs === null ? ' (no Retry-After)' : ''}`, retryAfterMs: waitMs };
    if (status >= 500) return { kind: 'retry', cause: 'server-error', detail: `${status} ${serviceError(body.ok ? body.json : null)}`.trim(), retryAfterMs: waitMs };
    if (request.passStatuses?.includes(status)) return { kind: 'done', response: { status, json: body.ok ? body.json : null, bytes } };
    if (status === 401) return { kind: 'unauthorized', token };
    const detail = serviceError(body.ok ? body.json : null);
    if (status === 403) {
      throw new PermissionError(`${request.what}: ${shown(url)} answered 403${detail ? ` (${detail})` : ''}`, request.permission, `grant ${request.permission}`);
    }
    throw new ApiError('BadRequest', `${request.what}: ${shown(url)} answered ${status}${detail ? ` (${detail})` : ''}`);
  }
}
