import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFixtureReports, rulesWithRuleidFixture, runDetectorFixtures, type FixtureReport } from '../core/fixture-harness.js';
import { DETECTORS } from './registry.js';

const reports: FixtureReport[] = [];

function fixturesOf(detectorId: string): string {
  return fileURLToPath(new URL(`./${detectorId}/__fixtures__/`, import.meta.url));
}

describe('annotated fixtures of every detector', () => {
  for (const detector of DETECTORS.values()) {
    it(`${detector.id}: every ruleid/ok annotation holds`, async () => {
      const report = await runDetectorFixtures(detector, fixturesOf(detector.id), DETECTORS.values());
      reports.push(report);
      expect(report.files).toBeGreaterThan(0);
      expect(report.failures.map((failure) => `${failure.file}:${failure.line} ${failure.problem}`)).toEqual([]);
    });
  }

  it('has a ruleid: fixture for every rule of every detector', () => {
    // A rule's fixture may sit with another detector (config-env rules fire in Ansible's environment: blocks).
    const covered = new Set([...DETECTORS.keys()].flatMap((id) => [...rulesWithRuleidFixture(fixturesOf(id))]));
    const rules = [...DETECTORS.values()].flatMap((detector) => detector.rules.map((rule) => rule.id));
    expect(rules.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('prints the totals (todo counts included)', () => {
    console.log(formatFixtureReports(reports));
    expect(reports.length).toBe(DETECTORS.size);
  });
});
