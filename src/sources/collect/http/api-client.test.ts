import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, PermissionError } from '../../../errors.js';
import type { TokenSource } from '../auth/token-source.js';
import { ApiClient, assertSafeUrl, type ApiRequest } from './api-client.js';
import { getPages } from './paging.js';
import { RateBudget } from './rate-budget.js';

/** A server whose answers each test scripts: the n-th request to a path gets the n-th answer (the last repeats). */
type Answer = (request: IncomingMessage, response: ServerResponse) => void;
const scripts = new Map<string, Answer[]>();
const arrivals = new Map<string, number[]>();
const tokensSeen = new Map<string, string[]>();
let server: Server;
let base = '';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return (_request, response) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    response.end(text);
  };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    arrivals.set(path, [...(arrivals.get(path) ?? []), Date.now()]);
    tokensSeen.set(path, [...(tokensSeen.get(path) ?? []), request.headers.authorization ?? '']);
    const script = scripts.get(path) ?? [];
    const answer = script[Math.min((arrivals.get(path)?.length ?? 1) - 1, script.length - 1)] ?? json(404, {});
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const tokens: TokenSource = {
  describe: 'the test tokens',
  async token(_scope, refused) {
    if (refused === 'expired') return 'fresh';
    if (refused !== null) throw new ApiError('Unauthorized', 'no newer token');
    return 'expired';
  },
};

function request(path: string, budget = new RateBudget('test', { requests: 100, perMs: 1000, concurrent: 4 })): ApiRequest {
  return { method: 'GET', url: `${base}${path}`, budget, scope: `${base}/.default`, what: `test ${path}`, permission: 'Directory.Read.All' };
}

const client = (): ApiClient => new ApiClient(tokens, { maxAttempts: 4, timeoutMs: 400, backoff: { baseMs: 5, capMs: 20 } });
const OK = json(200, { value: [1] });

describe('ApiClient', () => {
  it('renews a refused token and sends the renewed one; a source with nothing newer ends it as Unauthorized', async () => {
    scripts.set('/renew', [json(401, { error: { code: 'InvalidAuthenticationToken' } }), OK]);
    const api = client();
    const response = await api.request(request('/renew'));
    expect(response.json).toEqual({ value: [1] });
    expect(tokensSeen.get('/renew')).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(api.stats.retries['token-renewed']).toBe(1);
    scripts.set('/refused', [json(401, {})]);
    await expect(client().request(request('/refused'))).rejects.toThrow('Unauthorized: no newer token');
    expect(tokensSeen.get('/refused')).toEqual(['Bearer expired', 'Bearer fresh']);
  });

  it('waits out a 429 Retry-After before the next request of the same budget, for every caller', async () => {
    scripts.set('/throttled', [json(429, {}, { 'retry-after': '0.3' }), OK]);
    scripts.set('/other', [OK]);
    const budget = new RateBudget('shared', { requests: 100, perMs: 1000, concurrent: 4 });
    const api = client();
    const first = api.request(request('/throttled', budget));
    // Sent once the 429 is in: it must wait for the Retry-After as well.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await api.request(request('/other', budget));
    await first;
    const [throttledAt = 0, retriedAt = 0] = arrivals.get('/throttled') ?? [];
    const [otherAt = 0] = arrivals.get('/other') ?? [];
    expect(retriedAt - throttledAt).toBeGreaterThanOrEqual(300);
    expect(otherAt - throttledAt).toBeGreaterThanOrEqual(300);
    expect(api.stats.retries.throttled).toBe(1);
    expect(budget.stats.throttled).toBe(1);
  });

  it("pauses the budget before giving the 429's slot back: a caller waiting for that slot also waits out the Retry-After", async () => {
    scripts.set('/refused-slot', [json(429, {}, { 'retry-after': '0.3' }), OK]);
    scripts.set('/waiting', [OK]);
    const budget = new RateBudget('one-slot', { requests: 100, perMs: 1000, concurrent: 1 });
    const api = client();
    const first = api.request(request('/refused-slot', budget));
    const waiting = api.request(request('/waiting', budget));
    await Promise.all([first, waiting]);
    const [refusedAt = 0] = arrivals.get('/refused-slot') ?? [];
    const [waitingAt = 0] = arrivals.get('/waiting') ?? [];
    expect(waitingAt - refusedAt).toBeGreaterThanOrEqual(300);
    expect(budget.stats.throttled).toBe(1);
  });

  it('does not count a refused request against the window: the next request goes as soon as the Retry-After ends', async () => {
    scripts.set('/refused-window', [json(429, {}, { 'retry-after': '0.1' }), OK]);
    scripts.set('/after', [OK]);
    // Two a second: the refused request and its retry, both counted, would hold the third for a second.
    const budget = new RateBudget('two-a-second', { requests: 2, perMs: 1000, concurrent: 4 });
    const api = client();
    await api.request(request('/refused-window', budget));
    await api.request(request('/after', budget));
    const [refusedAt = 0] = arrivals.get('/refused-window') ?? [];
    const [afterAt = 0] = arrivals.get('/after') ?? [];
    expect(afterAt - refusedAt).toBeGreaterThanOrEqual(100);
    expect(afterAt - refusedAt).toBeLessThan(800);
  });

  it('retries 429 without Retry-After, 503, 504, resets and cut bodies, then answers', async () => {
    scripts.set('/flaky', [
      json(429, {}),
      json(503, { error: { code: 'ServiceUnavailable' } }),
      json(504, {}),
      (request) => request.socket.destroy(),
      (_request, response) => {
        // The headers promise 100 bytes; 11 come, then the connection closes.
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        response.flushHeaders();
        setTimeout(() => {
          response.write('{"value": [');
          setTimeout(() => response.socket?.destroy(), 20);
        }, 50);
      },
      OK,
    ]);
    const api = new ApiClient(tokens, { maxAttempts: 6, timeoutMs: 400, backoff: { baseMs: 5, capMs: 20 } });
    await expect(api.request(request('/flaky'))).resolves.toMatchObject({ status: 200, json: { value: [1] } });
    expect(api.stats.retries).toMatchObject({ throttled: 1, 'server-error': 2, connection: 1, truncated: 1 });
    expect(arrivals.get('/flaky')).toHaveLength(6);
  });

  it('retries a complete answer whose JSON is cut, and a request that times out', async () => {
    scripts.set('/cut', [(_request, response) => response.end('{"value": [1, 2'), OK]);
    scripts.set('/slow', [(_request, response) => setTimeout(() => OK(_request, response), 600), OK]);
    const api = client();
    await api.request(request('/cut'));
    await api.request(request('/slow'));
    expect(api.stats.retries).toMatchObject({ truncated: 1, timeout: 1 });
  });

  it('names the failure when retries run out', async () => {
    scripts.set('/down', [json(503, {})]);
    await expect(client().request(request('/down'))).rejects.toThrow(/^RetriesExhausted: test \/down: http:\/\/127\.0\.0\.1:\d+\/down failed 4 times; last: 503$/u);
    scripts.set('/stuck', [(_request, response) => setTimeout(() => OK(_request, response), 1000)]);
    await expect(client().request(request('/stuck'))).rejects.toMatchObject({ failure: 'Timeout' });
  });

  it('answers 403 with the permission the request needs, and other 4xx as BadRequest, without retrying', async () => {
    scripts.set('/denied', [json(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } })]);
    scripts.set('/bad', [json(400, { error: { code: 'BadRequest', message: 'Invalid filter clause' } })]);
    const denied = client().request(request('/denied'));
    await expect(denied).rejects.toBeInstanceOf(PermissionError);
    await expect(denied).rejects.toMatchObject({ permission: 'Directory.Read.All' });
    await expect(client().request(request('/bad'))).rejects.toThrow('(BadRequest: Invalid filter clause)');
    expect(arrivals.get('/denied')).toHaveLength(1);
    expect(arrivals.get('/bad')).toHaveLength(1);
  });

  it('sends a token over plain http to this machine only', () => {
    expect(() => assertSafeUrl('http://graph.example.com/v1.0/users')).toThrow(/only https/u);
    expect(assertSafeUrl('http://127.0.0.1:8080/x').hostname).toBe('127.0.0.1');
    expect(assertSafeUrl('https://graph.microsoft.com/v1.0/users').protocol).toBe('https:');
  });
});

describe('getPages', () => {
  it('follows nextLinks to the last page', async () => {
    scripts.set('/p1', [json(200, { value: [1, 2], '@odata.nextLink': `${base}/p2` })]);
    scripts.set('/p2', [json(200, { value: [3], nextLink: null })]);
    const records: unknown[] = [];
    for await (const page of getPages(client(), request('/p1'))) records.push(...page.records);
    expect(records).toEqual([1, 2, 3]);
  });

  it('stops a nextLink loop with a named error', async () => {
    scripts.set('/loop1', [json(200, { value: [1], '@odata.nextLink': `${base}/loop2` })]);
    scripts.set('/loop2', [json(200, { value: [2], '@odata.nextLink': `${base}/loop1` })]);
    const pages: unknown[] = [];
    await expect(async () => {
      for await (const page of getPages(client(), request('/loop1'))) pages.push(page.records);
    }).rejects.toThrow(/^NextLinkLoop: test \/loop1: the service sent back a next link already followed \(after 2 pages\)/u);
    expect(pages).toEqual([[1], [2]]);
  });
});
