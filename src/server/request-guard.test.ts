import { describe, expect, it } from 'vitest';
import { refusal, type GuardedRequest } from './request-guard.js';

const TOKEN = 'k3J9-token-of-this-run';
const PORT = 41234;
const GOOD: GuardedRequest = { method: 'GET', host: `127.0.0.1:${PORT}`, origin: undefined, secFetchSite: 'same-origin', tokenHeader: TOKEN, tokenParam: null };

function status(change: Partial<GuardedRequest>): number | null {
  return refusal({ ...GOOD, ...change }, PORT, TOKEN)?.status ?? null;
}

describe('refusal', () => {
  it('serves GET and HEAD with the token, in a header or the query, under its own name', () => {
    expect(status({})).toBeNull();
    expect(status({ method: 'HEAD' })).toBeNull();
    expect(status({ tokenHeader: undefined, tokenParam: TOKEN })).toBeNull();
    expect(status({ host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` })).toBeNull();
    expect(status({ host: `LOCALHOST:${PORT}`, secFetchSite: undefined })).toBeNull();
  });

  it('refuses every method that could write, whatever else the request has right', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'get']) expect([method, status({ method })]).toEqual([method, 405]);
  });

  it('refuses a foreign Host (DNS rebinding), a missing one, another port, and a foreign Origin', () => {
    expect(status({ host: `evil.example:${PORT}` })).toBe(403);
    expect(status({ host: 'evil.example' })).toBe(403);
    expect(status({ host: undefined })).toBe(403);
    expect(status({ host: `127.0.0.1:${PORT + 1}` })).toBe(403);
    expect(status({ host: '127.0.0.1' })).toBe(403);
    expect(status({ origin: 'http://evil.example' })).toBe(403);
    expect(status({ origin: `http://127.0.0.1:${PORT}.evil.example` })).toBe(403);
    expect(status({ origin: 'null' })).toBe(403);
    expect(status({ secFetchSite: 'cross-site' })).toBe(403);
  });

  it('refuses no token, a wrong one, a prefix of it and one longer', () => {
    expect(status({ tokenHeader: undefined })).toBe(401);
    expect(status({ tokenHeader: 'wrong' })).toBe(401);
    expect(status({ tokenHeader: TOKEN.slice(0, -1) })).toBe(401);
    expect(status({ tokenHeader: `${TOKEN}x` })).toBe(401);
    expect(status({ tokenHeader: undefined, tokenParam: '' })).toBe(401);
  });
});
