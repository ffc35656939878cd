import { describe, expect, it } from 'vitest';
import { QUICK_RUNS, REGRESSION, worsening } from '../bench/quick.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('npm run bench -- --quick', () => {
  it('judges a ratio by the way it improves: lower for times against a floor, higher for speeds', () => {
    expect(worsening({ name: 'a', value: 6, better: 'lower' }, { name: 'a', value: 2, better: 'lower' })).toBe(3);
    expect(worsening({ name: 'a', value: 1, better: 'lower' }, { name: 'a', value: 2, better: 'lower' })).toBe(0.5);
    expect(worsening({ name: 's', value: 0.2, better: 'higher' }, { name: 's', value: 0.5, better: 'higher' })).toBe(2.5);
    expect(REGRESSION).toBe(2);
  });

  it('runs a small size of every benchmark there is', () => {
    const benches = readdirSync(join(import.meta.dirname, '..', 'bench')).filter((name) => name.endsWith('.bench.ts')).map((name) => name.replace(/\.bench\.ts$/u, '')).sort();
    expect(Object.keys(QUICK_RUNS).sort()).toEqual(benches);
  });
});
