import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectProgress, estimateLeft } from './collect-progress.js';
import type { ProgressStream } from './progress.js';

function stream(isTTY: boolean): { out: string[]; target: ProgressStream } {
  const out: string[] = [];
  return { out, target: { isTTY, write: (text: string) => out.push(text) } };
}

describe('collectProgress', () => {
  const saved = process.env['CI'];
  beforeEach(() => {
    delete process.env['CI'];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['CI'];
    else process.env['CI'] = saved;
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { out, target } = stream(false);
    const progress = collectProgress(target);
    progress.plan('graph.users', 1);
    progress.note('no AuditLog.Read.All');
    progress.finish();
    expect(out).toEqual([]);
  });

  it('draws a line per endpoint and the throttle waits, and prints notes above with hostile text neutralised', () => {
    const { out, target } = stream(true);
    const progress = collectProgress(target, () => [{ id: 'graph-reports', waits: 3, waitedMs: 12_500, throttled: 1 }]);
    progress.plan('graph.signIns.interactiveUser', 4);
    progress.stored('graph.signIns.interactiveUser', 1500, 2);
    progress.scopeDone('graph.signIns.interactiveUser', 'complete');
    progress.note('graph.users: BadRequest: \u001b[31mred');
    progress.finish();
    const last = out.at(-1) ?? '';
    expect(last).toMatch(/^\u001b\[2F\u001b\[2Kgraph\.signIns\.interactiveUser {2}1\/4 {2}1,500 records {2}2 pages {2}ETA \d+s\n\u001b\[2Kthrottle waits: graph-reports 3 \(13s, 1 Retry-After\)\n$/u);
    expect(out.some((text) => text.includes('graph.users: BadRequest: \\u001b[31mred\n'))).toBe(true);
  });

  it('estimates what is left from the pace of the scopes done', () => {
    expect(estimateLeft({ scopes: 10, done: 2, started: 0 }, 4000)).toBe(16_000);
    expect(estimateLeft({ scopes: 10, done: 0, started: 0 }, 4000)).toBeNull();
    expect(estimateLeft({ scopes: 10, done: 10, started: 0 }, 4000)).toBeNull();
  });
});
