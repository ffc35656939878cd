import { isMap, isSeq, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { embeddedScript, LineIndex, valueOf } from './yaml-embedded.js';
import { GITHUB_EXPRESSION } from './placeholders.js';

function step(index: number): unknown {
  const steps = valueOf(valueOf(valueOf(parseDocument(HOST).contents, 'jobs'), 'a'), 'steps');
  return isSeq(steps) ? steps.items[index] : null;
}

const HOST = ['jobs:', '  a:', '    steps:', '      - run: |', '          echo hi', '', '            az login -u ${{ secrets.U }}', '      - run: az login'].join('\n');

describe('embeddedScript', () => {
  it('cuts a block scalar out of the host with its lines and columns mapped back', () => {
    expect(isMap(step(0))).toBe(true);
    const script = embeddedScript({ path: 'w.yml', language: 'yaml', text: HOST, lineOffset: 1 }, new LineIndex(HOST), valueOf(step(0), 'run'), 'bash', [GITHUB_EXPRESSION]);
    expect(script?.lineOffset).toBe(5);
    expect(script?.columnOffset).toBe(10);
    expect(script?.text.split('\n')).toEqual(['echo hi', '', '  az login -u QZ0ZZZZZZZZZZZZZ', '']);
    expect([...(script?.placeholders ?? new Map())]).toEqual([['QZ0ZZZZZZZZZZZZZ', '${{ secrets.U }}']]);
  });

  it('maps a plain one-line scalar to its column', () => {
    const script = embeddedScript({ path: 'w.yml', language: 'yaml', text: HOST, lineOffset: 1 }, new LineIndex(HOST), valueOf(step(1), 'run'), 'bash', []);
    expect([script?.lineOffset, script?.columnOffset, script?.text]).toEqual([8, 13, 'az login']);
  });
});
