import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importKills, writeImportCorpus } from './crash-safety/import-kills.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fast version: four fixed points. `npm run test:adversarial` draws 20+ (test/adversarial/crash-safety/). */
describe('an import killed with SIGKILL leaves whole batches only, and re-running completes it', () => {
  it('at several points of a large import, the store passes the integrity check and re-import ends as a clean import', async () => {
    const corpus = writeImportCorpus(join(work, 'corpus'), 12, 2000);
    const { points } = await importKills(work, corpus, [0.15, 0.4, 0.65, 0.9], 'SIGKILL at 4 fixed points');
    expect(points.map((point) => [point.fraction, point.problems])).toEqual([[0.15, []], [0.4, []], [0.65, []], [0.9, []]]);
    // Every kill left a store the integrity check passes in full: schema, bytes, batches, rollups (the summary may wait).
    expect(points.every((point) => point.checksPassed >= 10)).toBe(true);
    // At least one kill landed between batches of the import, not before the first or after the last.
    expect(points.some((point) => /^([1-9]|1[0-2]) of 13 batches$/u.test(point.progress))).toBe(true);
  }, 1_200_000);
});
