import { describe, expect, it } from 'vitest';
import { terminalProgress, type ProgressStream } from './progress.js';

function stream(isTTY: boolean): { out: string[]; target: ProgressStream } {
  const out: string[] = [];
  return { out, target: { isTTY, write: (text: string) => out.push(text) } };
}

/** A clock the test moves by hand. */
function manualClock(start: number): { now: () => number; set: (ms: number) => void } {
  let ms = start;
  return { now: () => ms, set: (next) => (ms = next) };
}

describe('terminalProgress', () => {
  it('writes nothing when the stream is not a terminal, or in CI', () => {
    for (const [isTTY, ci] of [[false, false], [true, true]] as const) {
      const { out, target } = stream(isTTY);
      const progress = terminalProgress(target, { now: manualClock(0).now, ci });
      progress.start('import', 3);
      progress.advance(3);
      progress.finish('3 files');
      expect(out).toEqual([]);
    }
  });

  it('redraws one line on a terminal at most every 100 ms with the elapsed time, and ends it with the result', () => {
    const clock = manualClock(1_000);
    const { out, target } = stream(true);
    const progress = terminalProgress(target, { now: clock.now, ci: false });
    progress.start('import', 4);
    clock.set(1_099);
    progress.advance(1);
    clock.set(1_100);
    progress.advance(1);
    clock.set(2_549);
    progress.advance(2);
    progress.finish('4 read');
    expect(out).toEqual([
      '\r\u001b[2Kimport: 0/4 (0%) 0.0s',
      '\r\u001b[2Kimport: 2/4 (50%) 0.1s',
      '\r\u001b[2Kimport: 4/4 (100%) 1.5s',
      '\r\u001b[2Kimport: 4 read\n',
    ]);
  });

  it('neutralises hostile labels and results', () => {
    const { out, target } = stream(true);
    const progress = terminalProgress(target, { now: manualClock(0).now, ci: false });
    progress.start('import evil\u001b[31m.json', 2);
    progress.finish('2 read\u0007');
    expect(out).toEqual(['\r\u001b[2Kimport evil\\u001b[31m.json: 0/2 (0%) 0.0s', '\r\u001b[2Kimport evil\\u001b[31m.json: 2 read\\u0007\n']);
  });
});
