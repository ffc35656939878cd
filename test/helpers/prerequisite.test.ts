import { describe, expect, it } from 'vitest';
import { assertPrerequisite, decidePrerequisite, inCi } from './prerequisite.js';

describe('prerequisite', () => {
  it('skips a missing prerequisite outside CI, and never skips a present one', () => {
    expect(decidePrerequisite(false, 'no chromium', {})).toEqual({ met: false, skip: true, reason: 'no chromium' });
    expect(decidePrerequisite(true, 'no chromium', {})).toEqual({ met: true, skip: false, reason: 'no chromium' });
    expect(decidePrerequisite(true, 'no chromium', { CI: 'true' })).toEqual({ met: true, skip: false, reason: 'no chromium' });
  });

  it('does not skip a missing prerequisite in CI: the test runs and fails with the reason', () => {
    const missing = decidePrerequisite(false, 'no chromium', { CI: 'true' });
    expect(missing).toEqual({ met: false, skip: false, reason: 'no chromium' });
    expect(() => assertPrerequisite(missing)).toThrow('no chromium (CI is set, so this fails instead of skipping)');
    expect(() => assertPrerequisite(decidePrerequisite(true, 'no chromium', { CI: 'true' }))).not.toThrow();
  });

  it('reads CI as set for any non-empty value', () => {
    expect([inCi({}), inCi({ CI: '' }), inCi({ CI: 'true' }), inCi({ CI: '1' })]).toEqual([false, false, true, true]);
  });
});
