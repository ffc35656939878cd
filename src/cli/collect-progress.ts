import type { CollectProgress, ScopeOutcome } from '../model/collect-progress.js';
import { SILENT_COLLECT_PROGRESS } from '../model/collect-progress.js';
import { terminalSafe } from '../report/terminal-text.js';
import type { ProgressStream } from './progress.js';

/**
 * collect's progress on a terminal: a block of lines redrawn in place (at most 10 times a second), one per endpoint with
 * its scopes done, records and pages stored and an estimate of the time left, and one with the throttle waits of each
 * budget. Notes (missing permissions, gaps) are printed above the block as they come. Silent when stderr is not a
 * terminal or CI is set: the summary on stdout says it all.
 */
export interface BudgetWaits {
  id: string;
  waits: number;
  waitedMs: number;
  throttled: number;
}

interface EndpointLine {
  scopes: number;
  done: number;
  rows: number;
  pages: number;
  started: number;
}

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** What is left, from how fast the scopes done so far went: null until one is done. */
export function estimateLeft(line: { scopes: number; done: number; started: number }, now: number): number | null {
  if (line.done === 0 || line.done >= line.scopes) return null;
  return ((now - line.started) / line.done) * (line.scopes - line.done);
}

export function collectProgress(stream: ProgressStream = process.stderr, budgets: () => readonly BudgetWaits[] = () => []): CollectProgress {
  if (!stream.isTTY || process.env['CI']) return SILENT_COLLECT_PROGRESS;
  const lines = new Map<string, EndpointLine>();
  let drawn = 0;
  let lastDraw = 0;
  const render = (): string[] => {
    const now = Date.now();
    const width = Math.max(0, ...[...lines.keys()].map((name) => name.length));
    const out = [...lines.entries()].map(([name, line]) => {
      const left = estimateLeft(line, now);
      const eta = line.done >= line.scopes ? 'done' : left === null ? '' : `ETA ${duration(left)}`;
      return `${terminalSafe(name.padEnd(width))}  ${line.done}/${line.scopes}  ${line.rows.toLocaleString('en-US')} records  ${line.pages.toLocaleString('en-US')} pages  ${eta}`.trimEnd();
    });
    const waits = budgets().filter((budget) => budget.waits > 0 || budget.throttled > 0);
    if (waits.length > 0) out.push(`throttle waits: ${waits.map((budget) => `${budget.id} ${budget.waits} (${duration(budget.waitedMs)}${budget.throttled > 0 ? `, ${budget.throttled} Retry-After` : ''})`).join(', ')}`);
    return out;
  };
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const block = render();
    const up = drawn > 0 ? `\u001b[${drawn}F` : '';
    stream.write(`${up}${block.map((line) => `\u001b[2K${line}\n`).join('')}`);
    drawn = block.length;
  };
  const line = (endpoint: string): EndpointLine => {
    const found = lines.get(endpoint);
    if (found) return found;
    const created = { scopes: 0, done: 0, rows: 0, pages: 0, started: Date.now() };
    lines.set(endpoint, created);
    return created;
  };
  return {
    plan(endpoint, scopes) {
      line(endpoint).scopes += scopes;
      draw(false);
    },
    stored(endpoint, rows, pages) {
      const entry = line(endpoint);
      entry.rows += rows;
      entry.pages += pages;
      draw(false);
    },
    scopeDone(endpoint, _outcome: ScopeOutcome) {
      line(endpoint).done += 1;
      draw(false);
    },
    note(text) {
      // Above the block: clear it, print the note, draw the block again below.
      const up = drawn > 0 ? `\u001b[${drawn}F\u001b[J` : '';
      stream.write(`${up}${terminalSafe(text)}\n`);
      drawn = 0;
      draw(true);
    },
    finish() {
      draw(true);
    },
  };
}
