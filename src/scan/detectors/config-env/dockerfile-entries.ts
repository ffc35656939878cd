import type { Point } from '../../core/finding.js';
import { offsetPoint } from '../../detector-kit/text-position.js';
import type { EnvEntry } from './env-entry.js';
import { literalOrNull } from './env-entry.js';

/** One Dockerfile instruction with its continuation lines joined, and where it starts. */
export interface DockerInstruction {
  keyword: string;
  /** Arguments as written, continuation backslash-newlines kept (so embedded shell keeps its line numbers). */
  raw: string;
  /** 0-based row and column where `raw` starts. */
  row: number;
  column: number;
}

export function dockerInstructions(text: string): DockerInstruction[] {
  const lines = text.split(/\r?\n/u);
  const instructions: DockerInstruction[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const first = lines[index] ?? '';
    const head = /^(?<lead>\s*)(?<keyword>[A-Za-z]+)(?<gap>\s+)/u.exec(first);
    if (!head?.groups || /^\s*#/u.test(first)) continue;
    const { lead = '', keyword = '', gap = '' } = head.groups;
    const start = index;
    let raw = first.slice(lead.length + keyword.length + gap.length);
    let continues = /\\\s*$/u.test(first);
    while (continues && index + 1 < lines.length) {
      index += 1;
      const next = lines[index] ?? '';
      // Docker drops comment lines inside a continuation; keep the line (empty) so positions stay right.
      if (/^\s*#/u.test(next)) {
        raw += '\n';
        continue;
      }
      raw += `\n${next}`;
      continues = /\\\s*$/u.test(next);
    }
    instructions.push({ keyword: keyword.toUpperCase(), raw, row: start, column: lead.length + keyword.length + gap.length });
  }
  return instructions;
}

const PAIR = /(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:=(?<value>"(?:[^"\\]|\\.)*"|'[^']*'|[^\s]*))?/gu;

/** ENV (both `K=V …` and legacy `K V`) and ARG instructions as environment entries. */
export function dockerfileEntries(text: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    const legacy = /^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?<value>[^=\s].*)$/su.exec(instruction.raw.trim());
    if (instruction.keyword === 'ENV' && legacy?.groups && !instruction.raw.includes('=')) {
      entries.push({ name: legacy.groups.name ?? '', value: literalOrNull(legacy.groups.value ?? ''), at: { row: instruction.row, column: instruction.column } });
      continue;
    }
    for (const pair of instruction.raw.matchAll(PAIR)) {
      const name = pair.groups?.name ?? '';
      const written = pair.groups?.value;
      const value = written === undefined ? null : literalOrNull(written.replace(/^["']|["']$/gu, ''));
      entries.push({ name, value, at: positionIn(instruction, pair.index ?? 0) });
    }
  }
  return entries;
}

/** Where an offset inside an instruction's (possibly multi-line) arguments sits in the file. */
function positionIn(instruction: DockerInstruction, offset: number): Point {
  const inside = offsetPoint(instruction.raw, offset);
  if (inside.row === 0) return { row: instruction.row, column: instruction.column + inside.column };
  return { row: instruction.row + inside.row, column: inside.column };
}
