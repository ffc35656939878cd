import { UsageError } from '../errors.js';

/**
 * `--since 30d|12h|ISO` and `--until ISO` → the window to collect. A relative `--since` counts back from `--until` (now by default); a date
 * alone means midnight UTC. The window must not be empty or end in the future.
 */
const RELATIVE = /^(?<amount>\d+)(?<unit>[dh])$/u;
const INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;

function instant(value: string, flag: string): Date {
  if (!INSTANT.test(value)) throw new UsageError(`${flag} ${value} is not a date or time`, `give ${flag} as YYYY-MM-DD or an ISO-8601 time${flag === '--since' ? ', or as 30d / 12h' : ''}`);
  const withZone = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? `${value}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/u.test(value) ? value : `${value}Z`;
  const date = new Date(withZone);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} ${value} is not a date or time`);
  return date;
}

export function collectWindow(since: string, until: string | undefined, now: Date): { since: Date; until: Date } {
  const end = until === undefined ? now : instant(until, '--until');
  if (end.getTime() > now.getTime() + 60_000) throw new UsageError(`--until ${until ?? ''} is in the future`, 'give a time up to now');
  const relative = RELATIVE.exec(since)?.groups;
  const start = relative
    ? new Date(end.getTime() - Number(relative['amount']) * (relative['unit'] === 'd' ? 86_400_000 : 3_600_000))
    : instant(since, '--since');
  if (start.getTime() >= end.getTime()) throw new UsageError(`the window from ${start.toISOString()} to ${end.toISOString()} is empty`, '--since must come before --until');
  return { since: start, until: end };
}
