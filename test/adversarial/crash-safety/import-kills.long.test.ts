import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importKills, writeImportCorpus } from '../../crash-safety/import-kills.js';
import { recordResults } from '../../crash-safety/results.js';
import { seededFractions } from '../../crash-safety/seeded-points.js';

const SEED = 1717;
const POINTS = 20;
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-import-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`import killed with SIGKILL at ${POINTS} seeded points (seed ${SEED})`, () => {
  it('leaves a whole store every time, and importing again ends as a clean import', async () => {
    const corpus = writeImportCorpus(join(work, 'corpus'), 8, 600);
    const fractions = seededFractions(SEED, POINTS, 0.02, 1);
    const { points, row } = await importKills(work, corpus, fractions, `SIGKILL at ${POINTS} seeded points of the run's time (seed ${SEED})`);
    await recordResults([row]);
    expect(points.filter((point) => point.problems.length > 0).map((point) => [point.fraction, point.problems])).toEqual([]);
    expect(points).toHaveLength(POINTS);
  });
});
