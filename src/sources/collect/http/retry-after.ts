/**
 * When a throttled or unavailable service asks to be called again, in milliseconds from `now`: `Retry-After` is
 * either delay-seconds or an HTTP date (RFC 9110). Fractions of a second are honoured too (some gateways, and the
 * test server, send them). Null when the header is absent or unreadable: the caller falls back to its own backoff.
 */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/u;

export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+(?:\.\d+)?$/u.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP date is sent as IMF-fixdate ("Fri, 20 Nov 2026 10:00:30 GMT"); nothing looser is read as one.
  if (!IMF_FIXDATE.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
