import { describe, expect, it } from 'vitest';
import { sortIdentities } from '../../../src/engines/identity-order.js';
import { TableColumns } from '../../../src/report/html/table-columns.js';
import { tableRowOf } from '../../../src/report/view-model/identity-views.js';
import { EMPTY_QUERY, NO_VALUE, type TableQuery } from '../../../src/report/view-model/view-types.js';
import { fixtureIdentities } from '../../../test/report-fixture.js';
import { TableIndex } from './table-index.js';

const rows = sortIdentities(fixtureIdentities()).map((identity, index) => tableRowOf(identity, index));
const columns = new TableColumns();
for (const row of rows) columns.add(row, { chunk: 0, position: row.index });
// Through JSON, as the page reads it.
const index = new TableIndex(JSON.parse(JSON.stringify(columns.finish())));

/** The last two digits of each matching identity's id, in the query's order. */
function ids(query: Partial<TableQuery>): string[] {
  return Array.from(index.matching({ ...EMPTY_QUERY, ...query }), (at) => index.row(at).id.slice(-2));
}

describe('TableIndex (the report\'s search, filters and sorts)', () => {
  it('gives back every row exactly as it went in', () => {
    expect(index.count).toBe(13);
    rows.forEach((row, at) => expect(index.row(at)).toEqual(row));
  });

  it('lists every identity in the contract\'s order when nothing is asked', () => {
    expect(ids({})).toEqual(['05', '02', '09', '10', '01', '03', '06', '04', '12', '07', '08', '11', '13']);
  });

  it('searches name, UPN, object ID and owner, case-insensitively', () => {
    expect(ids({ text: 'SVC-' })).toEqual(['02', '01', '03']);
    expect(ids({ text: '<img' })).toEqual(['07']);
    expect(ids({ text: '0000-000000000012' })).toEqual(['12']);
    expect(ids({ text: 'platform' })).toEqual(['01']);
    expect(ids({ text: '  ' })).toHaveLength(13);
    expect(ids({ text: 'no such identity' })).toEqual([]);
  });

  it('filters by class, verdict, phase, date and owner, together', () => {
    expect(ids({ class: 'human' })).toEqual(['10', '06', '07', '08', '11']);
    expect(ids({ class: 'service-account', verdict: 'breaks' })).toEqual(['09', '01']);
    expect(ids({ breaksOn: '2026-12-15' })).toEqual(['09', '10', '01']);
    expect(ids({ phase: 'phase1' })).toEqual(['05']);
    expect(ids({ phase: NO_VALUE })).toHaveLength(8);
    expect(ids({ owner: 'Platform team' })).toEqual(['01']);
    expect(ids({ owner: NO_VALUE })).toHaveLength(12);
    expect(ids({ owner: 'Nobody' })).toEqual([]);
    expect(ids({ class: 'human', text: 'guest' })).toEqual(['07', '08']);
  });

  it('sorts by a column either way, ties in the contract\'s order, and filters within the sort', () => {
    // Lower-cased names by UTF-16 code unit: ESC, '"', '<', '=' come before letters.
    expect(ids({ sort: 'name' })).toEqual(['10', '11', '08', '07', '09', '06', '04', '05', '12', '02', '03', '01', '13']);
    expect(ids({ sort: 'name', descending: true })).toEqual(['13', '01', '03', '02', '12', '05', '04', '06', '09', '07', '08', '11', '10']);
    expect(ids({ sort: 'confidence', descending: true })).toEqual(['12', '13', '01', '05', '02', '10', '03', '06', '04', '07', '08', '11', '09']);
    // No date sorts last going up, first going down.
    expect(ids({ sort: 'breaksOn' }).slice(0, 4)).toEqual(['09', '10', '01', '05']);
    expect(ids({ sort: 'breaksOn', descending: true }).slice(-3)).toEqual(['09', '10', '01']);
    expect(ids({ sort: 'class', class: 'break-glass' })).toEqual(['05', '04']);
    expect(ids({ sort: 'automation', descending: true }).slice(0, 3)).toEqual(['09', '02', '01']);
    expect(ids({ sort: 'urgency', descending: true })).toEqual(['13', '11', '08', '07', '12', '04', '06', '03', '01', '10', '09', '02', '05']);
  });
});
