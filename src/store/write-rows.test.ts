import { describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { insertRows } from './write-rows.js';
import { IDENTITIES, SIGN_INS } from './columns.js';

describe('insertRows', () => {
  it('casts staged text into typed columns and skips rows whose key is stored', async () => {
    const store = await openStore(':memory:');
    const row = { id: 'u1', kind: 'user', upn: 'a@b.c', account_enabled: true, license_count: 2, created_at: '2025-04-11T16:15:30.5431359+02:00', tags: ['x', "it's"], raw: '{"a":1}' };
    expect(await insertRows(store, IDENTITIES, [row, { ...row, id: 'u2' }])).toBe(2);
    expect(await insertRows(store, IDENTITIES, [row, { ...row, id: 'u3' }])).toBe(1);
    const rows = await store.all('SELECT id, account_enabled, license_count, CAST(created_at AS VARCHAR) AS created_at, tags FROM identities ORDER BY id');
    expect(rows).toEqual([
      { id: 'u1', account_enabled: true, license_count: 2, created_at: '2025-04-11 14:15:30.543135', tags: ['x', "it's"] },
      { id: 'u2', account_enabled: true, license_count: 2, created_at: '2025-04-11 14:15:30.543135', tags: ['x', "it's"] },
      { id: 'u3', account_enabled: true, license_count: 2, created_at: '2025-04-11 14:15:30.543135', tags: ['x', "it's"] },
    ]);
    store.close();
  });

  it('gives every row the columns passed once for all, over what a row holds, null included', async () => {
    const store = await openStore(':memory:');
    const rows = [{ id: 'u1', kind: 'user', raw: '{}' }, { id: 'u2', kind: 'user', batch_id: 'other', upn: 'kept@b.c', raw: '{}' }];
    expect(await insertRows(store, IDENTITIES, rows, { batch_id: 'b-7', department: null })).toBe(2);
    expect(await store.all('SELECT id, batch_id, upn, department FROM identities ORDER BY id')).toEqual([
      { id: 'u1', batch_id: 'b-7', upn: null, department: null },
      { id: 'u2', batch_id: 'b-7', upn: 'kept@b.c', department: null },
    ]);
    store.close();
  });

  it('keys sign-ins on id and createdDateTime: a copy from another kind of export is the same sign-in', async () => {
    const store = await openStore(':memory:');
    const base = { id: 's1', kind: 'interactiveUser', created_at: '2025-01-01T00:00:00Z', is_interactive: true, error_code: 0, raw: '{}' };
    expect(await insertRows(store, SIGN_INS, [base, { ...base, kind: 'nonInteractiveUser' }, { ...base, created_at: '2025-01-01T00:00:01Z' }])).toBe(2);
    store.close();
  });

  it('on the unkeyed sign_ins keeps the first row of each (id, createdDateTime) and skips keys already stored', async () => {
    const store = await openStore(':memory:');
    const base = { id: 's1', kind: 'interactiveUser', created_at: '2025-01-01T00:00:00Z', is_interactive: true, error_code: 0, raw: '{}' };
    expect(await insertRows(store, SIGN_INS, [{ ...base, user_agent: 'first' }, { ...base, user_agent: 'second' }])).toBe(1);
    expect(await insertRows(store, SIGN_INS, [{ ...base, user_agent: 'third' }, { ...base, id: 's2' }])).toBe(1);
    expect(await store.all('SELECT id, user_agent FROM sign_ins ORDER BY id')).toEqual([
      { id: 's1', user_agent: 'first' },
      { id: 's2', user_agent: null },
    ]);
    store.close();
  });
});
