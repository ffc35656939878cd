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
      value = rest.replace(/\s+#.*$/u, '').trim();
    }
    entries.push({ name, value: literalOrNull(value), at: { row: entryRow(lines, line, index), column: indent.length } });
  }
  return entries;
}

/** The 0-based row an entry starts on (a multi-line value advanced `index` past its first line). */
function entryRow(lines: readonly string[], first: string, index: number): number {
  for (let back = index; back >= 0; back -= 1) if (lines[back] === first) return back;
  return index;
}
