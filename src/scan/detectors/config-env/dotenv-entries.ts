import type { EnvEntry } from './env-entry.js';
import { literalOrNull } from './env-entry.js';

const ASSIGNMENT = /^(?<indent>\s*(?:export\s+)?)(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(?<rest>.*)$/u;

/**
 * Reads a dotenv file the way dotenv parsers do: `[export] NAME=value`, quoted values (double quotes
 * may span lines), `#` comments on their own line or after an unquoted value.
 */
export function dotenvEntries(text: string): EnvEntry[] {
  const lines = text.split(/\r?\n/u);
  const entries: EnvEntry[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (/^\s*(?:#|$)/u.test(line)) continue;
    const match = ASSIGNMENT.exec(line);
    if (!match?.groups) continue;
    const { indent = '', name = '', rest = '' } = match.groups;
    const row = index;
    let value: string;
    const quote = rest.charAt(0);
    if (quote === '"' || quote === "'") {
      let body = rest.slice(1);
      while (!body.includes(quote) && index + 1 < lines.length) {
        index += 1;
        body += `\n${lines[index] ?? ''}`;
      }
      value = body.slice(0, Math.max(0, body.indexOf(quote)));
    } else {
      // `(?<!\s)`: the comment's blank run is matched from its start only; a long blank run with no `#` is not retried
      // from each of its characters (quadratic).
      value = rest.replace(/(?<!\s)\s+#.*$/u, '').trim();
    }
    entries.push({ name, value: literalOrNull(value), at: { row, column: indent.length } });
  }
  return entries;
}

