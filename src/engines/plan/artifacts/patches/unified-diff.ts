/**
 * A unified diff (`git apply` format, a/ and b/ prefixes) of one file's change: the lines both versions share at the
 * start and the end stay out, the rest is one hunk with up to three lines of context each side. The planner's edits
 * are local, so one hunk is exact enough and always applies to the file it was made from.
 */
const CONTEXT = 3;

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const finalNewline = text.endsWith('\n');
  const lines = text.split('\n');
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

export function unifiedDiff(path: string, before: string, after: string): string | null {
  if (before === after) return null;
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.lines.length && start < b.lines.length && a.lines[start] === b.lines[start]) start += 1;
  let endA = a.lines.length;
  let endB = b.lines.length;
  while (endA > start && endB > start && a.lines[endA - 1] === b.lines[endB - 1] && !(endA === a.lines.length && a.finalNewline !== b.finalNewline)) {
    endA -= 1;
    endB -= 1;
  }
  const from = Math.max(0, start - CONTEXT);
  const toA = Math.min(a.lines.length, endA + CONTEXT);
  const toB = Math.min(b.lines.length, endB + CONTEXT);
  const body: string[] = [];
  for (let i = from; i < start; i++) body.push(` ${a.lines[i] ?? ''}`);
  for (let i = start; i < endA; i++) body.push(`-${a.lines[i] ?? ''}`);
  if (endA === a.lines.length && !a.finalNewline && endA > start) body.push('\\ No newline at end of file');
  for (let i = start; i < endB; i++) body.push(`+${b.lines[i] ?? ''}`);
  if (endB === b.lines.length && !b.finalNewline && endB > start) body.push('\\ No newline at end of file');
  for (let i = endA; i < toA; i++) body.push(` ${a.lines[i] ?? ''}`);
  const countA = toA - from;
  const countB = toB - from;
  const header = `@@ -${countA === 0 ? from : from + 1},${countA} +${countB === 0 ? from : from + 1},${countB} @@`;
  return `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n${header}\n${body.join('\n')}\n`;
}
