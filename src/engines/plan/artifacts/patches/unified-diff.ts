import { secretLiteralLines } from '../../../../catalog/secret-literal-lines.js';
import type { SecretLiteralKind } from '../../../../catalog/secret-literal-patterns.js';
import { lineDiff, type LineOp } from './line-diff.js';

/**
 * A unified diff (`git apply` format, a/ and b/ prefixes) of one file's change, one hunk per group of changed lines
 * with up to three lines of context each side, that never repeats a line holding a secret literal
 * (`src/catalog/secret-literal-lines.ts`). Such a line is withheld, in the way that keeps the patch honest:
 * - as context: left out (the context stops short of it; the patch still applies exactly where it was made). When it
 *   is the line right after a change, git needs one line there, so a placeholder takes its place: `git apply` refuses
 *   the patch (GNU patch applies it with fuzz 1, to the right lines).
 * - as a removed line: a placeholder takes its place, so neither `git apply` nor GNU patch can apply it.
 * - as an added line (a writer kept part of the old line): no diff at all for the file.
 * Each withheld line gets a note (file:line, the kind of secret, what to do) above the diff, where `git apply` and GNU
 * patch skip text; the secret's value is never in the patch.
 */
const CONTEXT = 3;
/** Beyond this many edits the whole changed span is one removal and one addition (see lineDiff). */
const MAX_EDITS = 1000;

export interface PatchDiff {
  /** The patch file: notes, then the diff (only notes when the file's diff is withheld). */
  text: string;
  notes: string[];
  /** False when a withheld line stops the patch from applying (or there is no diff): the change is made by hand. */
  applies: boolean;
}

interface Lines {
  lines: string[];
  finalNewline: boolean;
}

function splitLines(text: string): Lines {
  if (text === '') return { lines: [], finalNewline: false };
  const finalNewline = text.endsWith('\n');
  const lines = text.split('\n');
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** Lines as compared: a last line without its newline differs from the same text with one. */
function keys(file: Lines): string[] {
  return file.finalNewline || file.lines.length === 0 ? file.lines : [...file.lines.slice(0, -1), `${file.lines.at(-1) ?? ''}\n`];
}

function editScript(a: readonly string[], b: readonly string[]): LineOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const ops: LineOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'keep', a: i, b: i });
  const middle = lineDiff(a.slice(start, endA), b.slice(start, endB), MAX_EDITS) ?? [
    ...a.slice(start, endA).map((_line, i): LineOp => ({ op: 'remove', a: i, b: 0 })),
    ...b.slice(start, endB).map((_line, i): LineOp => ({ op: 'add', a: endA - start, b: i })),
  ];
  for (const op of middle) ops.push({ op: op.op, a: op.a + start, b: op.b + start });
  for (let i = 0; endA + i < a.length; i++) ops.push({ op: 'keep', a: endA + i, b: endB + i });
  return ops;
}

function placeholder(kind: SecretLiteralKind): string {
  return `<unattended: line withheld, it holds a secret literal (${kind})>`;
}

export function unifiedDiff(path: string, before: string, after: string): PatchDiff | null {
  if (before === after) return null;
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(keys(a), keys(b));
  const secretsA = secretLiteralLines(a.lines);
  const secretsB = secretLiteralLines(b.lines);
  const secretOf = (op: LineOp): SecretLiteralKind | null => (op.op === 'add' ? null : (secretsA[op.a] ?? null)) ?? (op.op === 'remove' ? null : (secretsB[op.b] ?? null));

  const notes = new Map<number, string>();
  const note = (line: number, text: string): void => {
    if (!notes.has(line)) notes.set(line, `unattended: ${path}:${line + 1} ${text}`);
  };
  const added = ops.find((op) => op.op === 'add' && secretsB[op.b] !== null && secretsB[op.b] !== undefined);
  if (added) {
    const text = `unattended: no diff for ${path}: the changed text at line ${added.b + 1} would repeat a secret literal (${secretsB[added.b] ?? 'password'}); make this change by hand.`;
    return { text: `${text}\n`, notes: [text], applies: false };
  }

  // Groups of changes: two join when at most 2×CONTEXT kept lines, none holding a secret, lie between them.
  const changes = ops.flatMap((op, index) => (op.op === 'keep' ? [] : [index]));
  const groups: { first: number; last: number }[] = [];
  for (const index of changes) {
    const group = groups.at(-1);
    const gap = group ? ops.slice(group.last + 1, index) : [];
    if (group && gap.length <= 2 * CONTEXT && gap.every((op) => secretOf(op) === null)) group.last = index;
    else groups.push({ first: index, last: index });
  }

  let applies = true;
  const hunks: string[] = [];
  for (const group of groups) {
    let from = group.first;
    while (from > 0 && group.first - from < CONTEXT && secretOf(ops[from - 1] ?? { op: 'keep', a: 0, b: 0 }) === null) from -= 1;
    const before = ops[from - 1];
    const beforeSecret = before && group.first - from < CONTEXT ? secretOf(before) : null;
    if (before && beforeSecret) note(before.a, `holds a secret literal (${beforeSecret}): left out of the diff's context (the line stays as it is).`);
    let to = group.last;
    while (to + 1 < ops.length && to - group.last < CONTEXT && secretOf(ops[to + 1] ?? { op: 'keep', a: 0, b: 0 }) === null) to += 1;
    const after = ops[to + 1];
    const afterSecret = after && to - group.last < CONTEXT ? secretOf(after) : null;

    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    for (const op of ops.slice(from, to + 1)) {
      if (op.op === 'remove') {
        const secret = secretsA[op.a] ?? null;
        if (secret) {
          note(op.a, `holds a secret literal (${secret}) on a line this change removes: withheld, so the patch cannot apply; make this change by hand.`);
          applies = false;
        }
        body.push(`-${secret ? placeholder(secret) : (a.lines[op.a] ?? '')}`);
        if (!secret && op.a === a.lines.length - 1 && !a.finalNewline) body.push('\\ No newline at end of file');
        oldCount += 1;
      } else if (op.op === 'add') {
        body.push(`+${b.lines[op.b] ?? ''}`);
        if (op.b === b.lines.length - 1 && !b.finalNewline) body.push('\\ No newline at end of file');
        newCount += 1;
      } else {
        body.push(` ${a.lines[op.a] ?? ''}`);
        if (op.a === a.lines.length - 1 && !a.finalNewline) body.push('\\ No newline at end of file');
        oldCount += 1;
        newCount += 1;
      }
    }
    if (after && afterSecret && to === group.last) {
      // git reads a hunk without trailing context as one that ends the file: a stand-in line keeps it from applying there.
      note(after.a, `holds a secret literal (${afterSecret}) right after the change: withheld, so git apply refuses this patch; make this change by hand.`);
      body.push(` ${placeholder(afterSecret)}`);
      oldCount += 1;
      newCount += 1;
      applies = false;
    } else if (after && afterSecret) note(after.a, `holds a secret literal (${afterSecret}): left out of the diff's context (the line stays as it is).`);
    const first = ops[from] ?? { op: 'keep', a: 0, b: 0 };
    hunks.push(`@@ -${oldCount === 0 ? first.a : first.a + 1},${oldCount} +${newCount === 0 ? first.b : first.b + 1},${newCount} @@\n${body.join('\n')}\n`);
  }
  const noteLines = [...notes].sort(([x], [y]) => x - y).map(([, text]) => text);
  const header = `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
  return { text: `${noteLines.map((line) => `${line}\n`).join('')}${header}${hunks.join('')}`, notes: noteLines, applies };
}
