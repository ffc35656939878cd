import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminalProgress, type ProgressStream } from './progress.js';

function stream(isTTY: boolean): { out: string[]; target: ProgressStream } {
  const out: string[] = [];
  return { out, target: { isTTY, write: (text: string) => out.push(text) } };
}

describe('terminalProgress', () => {
  const saved = process.env['CI'];
  beforeEach(() => {
    delete process.env['CI'];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['CI'];
    else process.env['CI'] = saved;
  });

  it('writes nothing when the stream is not a terminal', () => {
    const { out, target } = stream(false);
    const progress = terminalProgress(target);
    progress.start('import', 3);
    progress.advance(3);
    progress.finish('3 files');
    expect(out).toEqual([]);
  });

  it('redraws one line on a terminal and ends it with the result, with hostile labels neutralised', () => {
    const { out, target } = stream(true);
    const progress = terminalProgress(target);
    progress.start('import evil\u001b[31m.json', 2);
    progress.finish('2 read\u0007');
    expect(out).toEqual(['\r\u001b[2Kimport evil\\u001b[31m.json: 0/2 (0%) 0.0s', '\r\u001b[2Kimport evil\\u001b[31m.json: 2 read\\u0007\n']);
  });
});
