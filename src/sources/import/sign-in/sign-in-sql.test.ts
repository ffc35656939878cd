import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../store/store.js';
import { SIGN_IN_MACROS } from './sign-in-sql.js';

describe('the normaliser macros', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await store.connection.run(SIGN_IN_MACROS);
  });
  afterAll(() => store.close());

  it('turns enum display texts into Graph camelCase and leaves camelCase alone', async () => {
    const inputs = ['Primary Refresh Token', 'MultiFactorAuthentication', 'Single-factor authentication', 'ROPC', 'Not Applied', 'notApplied', 'reportOnlyNotApplied', 'Mfa', '  ', null, '2fa code', 'x'];
    const values = inputs.map((_, index) => `(${index}, CAST(? AS VARCHAR))`).join(', ');
    const rows = await store.all<{ out: string | null }>(`SELECT ua_camel(s) AS out FROM (VALUES ${values}) AS t(i, s) ORDER BY i`, inputs);
    expect(rows.map((row) => row.out)).toEqual([
      'primaryRefreshToken', 'multiFactorAuthentication', 'singleFactorAuthentication', 'ropc', 'notApplied', 'notApplied', 'reportOnlyNotApplied', 'mfa', null, null, '2faCode', 'x',
    ]);
  });

  it('trims spaces, Unicode ones included, but nothing else, and makes blanks null', async () => {
    const inputs = ['plain', ' padded ', '\u00a0nbsp\u3000', 'caf\u00e9', ' caf\u00e9 ', '\ttab\t', '   ', '', '\u2003', null];
    const values = inputs.map((_, index) => `(${index}, CAST(? AS VARCHAR))`).join(', ');
    const rows = await store.all<{ text: string | null; guid: string | null; camel: string | null }>(
      `SELECT ua_text(s) AS text, ua_guid(s) AS guid, ua_camel(s) AS camel FROM (VALUES ${values}) AS t(i, s) ORDER BY i`,
      inputs,
    );
    expect(rows.map((row) => row.text)).toEqual(['plain', 'padded', 'nbsp', 'caf\u00e9', 'caf\u00e9', '\ttab\t', null, null, null, null]);
    expect(rows.map((row) => row.guid)).toEqual(['plain', 'padded', 'nbsp', 'caf\u00e9', 'caf\u00e9', '\ttab\t', null, null, null, null]);
    expect(rows.map((row) => row.camel)).toEqual(['plain', 'padded', 'nbsp', 'caf', 'caf', 'tab', null, null, null, null]);
  });

  it('reads times with offsets as UTC and rejects what is not a time', async () => {
    const [row] = await store.all(`SELECT strftime(ua_utc('2025-04-11T07:18:41.8256448+02:00'), '%Y-%m-%dT%H:%M:%S.%f') AS a, ua_utc('not a time') AS b, ua_guid(' AB-CD ') AS c`);
    expect(row).toEqual({ a: '2025-04-11T05:18:41.825644', b: null, c: 'ab-cd' });
  });
});
