import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

describe('backoffDelayMs (exponential, full jitter)', () => {
  const policy = { baseMs: 100, capMs: 1000 };

  it('draws uniformly below a ceiling that doubles per attempt up to the cap', () => {
    const top = (): number => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, policy, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });
});
