const HINT = ' (a store takes one writer or many readers at a time: wait for that command to finish, or pass --db FILE to use another store)';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The one line a command prints when another process holds the store (src/store/store.ts, openError), for `db`: as
 * an error (with its hint), or after `prefix` without it (analyze's "no snapshot kept: …"). The holder's PID and
 * program are whatever they are; the rest is exact.
 */
export function lockLine(db: string, options: { prefix?: string; hint?: boolean } = {}): RegExp {
  const prefix = options.prefix ?? 'unattended: ';
  const hint = options.hint ?? true;
  return new RegExp(`^${escaped(prefix)}store ${escaped(db)} is locked by another unattended process \\(PID \\d+, [^)]+\\)${hint ? escaped(HINT) : ''}\\n$`, 'u');
}
