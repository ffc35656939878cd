import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store.js';
import { sqlString } from '../store/sql-literal.js';
import { ipBitsSql } from './ip-bits-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

async function bits(address: string): Promise<string | null> {
  const [row] = await store.all<{ bits: string | null }>(`SELECT ${ipBitsSql(sqlString(address))} AS bits`);
  return row?.bits ?? null;
}

const hex = (value: string): string => [...value].map((digit) => Number.parseInt(digit, 16).toString(2).padStart(4, '0')).join('');

describe('ipBitsSql', () => {
  it('gives the 32 bits of an IPv4 address', async () => {
    expect(await bits('10.1.2.3')).toBe('00001010000000010000001000000011');
    expect(await bits(' 255.255.255.255 ')).toBe('1'.repeat(32));
    expect(await bits('0.0.0.0')).toBe('0'.repeat(32));
  });

  it('gives the 128 bits of an IPv6 address, compressed or not, any case', async () => {
    const full = hex('20010db8000000000000ff0000428329');
    expect(await bits('2001:0db8:0000:0000:0000:ff00:0042:8329')).toBe(full);
    expect(await bits('2001:DB8::FF00:42:8329')).toBe(full);
    expect(await bits('::1')).toBe(`${'0'.repeat(127)}1`);
    expect(await bits('::')).toBe('0'.repeat(128));
    expect(await bits('fe80::')).toBe(hex(`fe80${'0'.repeat(28)}`));
  });

  it('gives NULL for what is not an address', async () => {
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '', 'localhost', '2001:db8::1::2', '2001:db8:0:0:0:0:0:0:1', '12345::', '::ffff:10.1.2.3', 'fe80::1%eth0', '1:2:3:4:5:6:7']) {
      expect(await bits(bad), bad).toBeNull();
    }
  });
});
