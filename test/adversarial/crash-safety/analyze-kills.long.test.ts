import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFixture, analyzeKills, type AnalyzeInput } from '../../crash-safety/analyze-kills.js';
import { recordResults } from '../../crash-safety/results.js';
import { seededFractions } from '../../crash-safety/seeded-points.js';

const SEED = 2929;
const POINTS = 20;
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-analyze-kill-'));
let input: AnalyzeInput;

beforeAll(async () => {
  input = await analyzeFixture(work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`analyze killed with SIGKILL at ${POINTS} seeded points (seed ${SEED})`, () => {
  it('leaves a whole store every time (a snapshot whole or absent), and analyzing again prints and keeps what a clean run does', async () => {
    // Over the whole run and a little past it (the snapshot is written at its end).
    const fractions = seededFractions(SEED, POINTS, 0.05, 1.05);
    const { points, row } = await analyzeKills(work, input, fractions, `SIGKILL at ${POINTS} seeded points of the run's time (seed ${SEED})`);
    await recordResults([row]);
    expect(points.filter((point) => point.problems.length > 0).map((point) => [point.fraction, point.problems])).toEqual([]);
    expect(points).toHaveLength(POINTS);
  });
});
