import { linesOf } from './line-edits.js';
import type { PatchInput } from './patch-input.js';

/**
 * In a task that names a service connection, an inline `az login -u … -p …` replaces the connection's session with the
 * user's: the line goes, and the connection (converted to workload identity federation) signs the step in.
 */
export function azurePipelinesConnectionPatch(input: PatchInput): string | null {
  if (input.connection === null) return null;
  const { lines, eol } = linesOf(input.text);
  const line = lines[input.line - 1];
  if (line === undefined || !/^\s*az\s+login\b/u.test(line)) return null;
  lines.splice(input.line - 1, 1);
  return lines.join(eol);
}
