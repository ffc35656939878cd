import { describe, expect, it } from 'vitest';
import { fixtureIdentities } from '../../../test/report-fixture.js';
import { embeddedIdentities } from './embedded-identities.js';

describe('embeddedIdentities', () => {
  it('keeps everyone under the limit', () => {
    const all = fixtureIdentities();
    expect(embeddedIdentities(all)).toEqual({ identities: all, omitted: 0 });
  });

  it('drops only not-affected people beyond the limit, keeping the first ones and every other identity', () => {
    const all = fixtureIdentities();
    const result = embeddedIdentities(all, 1);
    // Three not-affected humans in the fixture (ids 07, 08, 11): the first stays.
    expect(result.omitted).toBe(2);
    expect(result.identities.map((identity) => identity.id.slice(-2))).toEqual(['01', '02', '03', '04', '05', '06', '07', '09', '10', '12', '13']);
  });
});
