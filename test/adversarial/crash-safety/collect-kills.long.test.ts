import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectKills } from '../../crash-safety/collect-kills.js';
import { recordResults } from '../../crash-safety/results.js';
import { seededFractions } from '../../crash-safety/seeded-points.js';
import { demoFixture, type DemoFixture } from '../../fake-azure/harness.js';

const SEED = 2323;
const POINTS = 20;
let fixture: DemoFixture;

beforeAll(async () => {
  fixture = await demoFixture('adversarial-collect-kill');
});

afterAll(() => fixture?.cleanup());

describe(`collect killed with SIGKILL at ${POINTS} seeded points (seed ${SEED})`, () => {
  it('leaves a whole store every time, and collecting again ends as a clean collect', async () => {
    const fractions = seededFractions(SEED, POINTS, 0.02, 1);
    const { points, row } = await collectKills(fixture, { since: '2026-11-16', until: '2026-11-19' }, fractions, `SIGKILL at ${POINTS} seeded points of the run's requests (seed ${SEED})`);
    await recordResults([row]);
    expect(points.filter((point) => point.problems.length > 0).map((point) => [point.fraction, point.problems])).toEqual([]);
    expect(points).toHaveLength(POINTS);
  });
});
