import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from './registry.js';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('detector registry', () => {
  it('lists every detector folder, under its own id, sorted', () => {
    const folders = readdirSync(here).filter((name) => statSync(`${here}${name}`).isDirectory() && !name.startsWith('_')).sort();
    expect([...DETECTORS.keys()]).toEqual(folders);
    for (const [id, detector] of DETECTORS) expect(detector.id).toBe(id);
  });

  for (const detector of DETECTORS.values()) {
    it(`${detector.id} has a README, annotated fixtures and well-formed rules`, () => {
      expect(existsSync(`${here}${detector.id}/README.md`)).toBe(true);
      expect(existsSync(`${here}${detector.id}/__fixtures__`)).toBe(true);
      expect(detector.rules.length).toBeGreaterThan(0);
      expect(detector.triggers.length).toBeGreaterThan(0);
      for (const trigger of detector.triggers) expect(trigger).toBe(trigger.toLowerCase());
      for (const rule of detector.rules) {
        expect(rule.id.startsWith(`${detector.id}/`)).toBe(true);
        expect(rule.docUrl).toMatch(/^https:\/\//u);
        expect(rule.fix.length).toBeGreaterThan(10);
      }
    });
  }

  it('has unique rule ids across all detectors', () => {
    const ids = [...DETECTORS.values()].flatMap((detector) => detector.rules.map((rule) => rule.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
