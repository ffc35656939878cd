import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFixture, analyzeKills, type AnalyzeInput } from './crash-safety/analyze-kills.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-analyze-kill-'));
let input: AnalyzeInput;

beforeAll(async () => {
  input = await analyzeFixture(work);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fast version: three fixed points. `npm run test:adversarial` draws 20+ (test/adversarial/crash-safety/). */
describe('analyze killed with SIGKILL while it keeps its snapshot', () => {
  it('leaves a whole store (a snapshot whole or absent), and a re-run prints and keeps what a clean run does', async () => {
    const { points } = await analyzeKills(work, input, [0.3, 0.8, 0.97], 'SIGKILL at 3 fixed points');
    expect(points.map((point) => [point.fraction, point.problems])).toEqual([[0.3, []], [0.8, []], [0.97, []]]);
    expect(points.every((point) => point.checksPassed >= 10)).toBe(true);
    expect(points.filter((point) => point.killed).length).toBeGreaterThan(0);
  }, 900_000);
});
