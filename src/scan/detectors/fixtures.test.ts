import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFixtureReports, runDetectorFixtures, type FixtureReport } from '../core/fixture-harness.js';
import { DETECTORS } from './registry.js';

const reports: FixtureReport[] = [];

describe('annotated fixtures of every detector', () => {
  for (const detector of DETECTORS.values()) {
    it(`${detector.id}: every ruleid/ok annotation holds`, async () => {
      const dir = fileURLToPath(new URL(`./${detector.id}/__fixtures__/`, import.meta.url));
      const report = await runDetectorFixtures(detector, dir, DETECTORS.values());
      reports.push(report);
      expect(report.files).toBeGreaterThan(0);
      expect(report.failures.map((failure) => `${failure.file}:${failure.line} ${failure.problem}`)).toEqual([]);
    });
  }

  it('prints the totals (todo counts included)', () => {
    console.log(formatFixtureReports(reports));
    expect(reports.length).toBe(DETECTORS.size);
  });
});
