import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { primaryTable, pushedRows } from '../../src/features/kql/feature-answer.js';
import { handWrittenAnswer, USER } from './hand-computed-tenant.js';

/**
 * Reading a feature query's answer in the shapes it comes in: the Log Analytics query API's documented JSON (tables,
 * columns with Kusto types, rows), the same after @azure/monitor-query-logs decoded it (columnDescriptors, Date,
 * parsed dynamics), and Azure Data Explorer's v1 REST answer (Tables, Columns, Rows).
 */
const restSchema = z.object({ tables: z.array(z.object({ name: z.string(), columns: z.array(z.object({ name: z.string(), type: z.string() })), rows: z.array(z.array(z.unknown())) })) });

function rest(): z.infer<typeof restSchema> {
  return restSchema.parse(handWrittenAnswer());
}

/** The answer as the SDK hands it over: datetimes as Date, dynamics parsed. */
function asSdk(): unknown {
  const [table] = rest().tables;
  if (!table) throw new Error('no table');
  return {
    tables: [{
      name: table.name,
      columnDescriptors: table.columns,
      rows: table.rows.map((row) => row.map((cell, index) => {
        const type = table.columns[index]?.type;
        if (cell === null) return null;
        if (type === 'datetime' && typeof cell === 'string') return new Date(cell);
        if (type === 'dynamic' && typeof cell === 'string') return JSON.parse(cell);
        return cell;
      })),
    }],
  };
}

/** The answer as ADX's v1 REST API writes it. */
function asAdx(): unknown {
  const [table] = rest().tables;
  if (!table) throw new Error('no table');
  return { Tables: [{ TableName: 'Table_0', Columns: table.columns.map((column) => ({ ColumnName: column.name, DataType: 'Object', ColumnType: column.type })), Rows: table.rows }] };
}

describe('reading a feature query answer', () => {
  it('reads the same rows from the query API JSON, the SDK tables and ADX v1', () => {
    const fromRest = pushedRows(handWrittenAnswer());
    expect(fromRest).toHaveLength(2);
    expect(pushedRows(asSdk())).toEqual(fromRest);
    expect(pushedRows(asAdx())).toEqual(fromRest);
  });

  it('brings values to the feature schema forms: ISO instants to the millisecond, lists sorted most first then by key, empty names as null', () => {
    const [user] = pushedRows(handWrittenAnswer());
    expect(user?.pid).toBe(USER);
    expect(user?.features.firstSeen).toBe('2026-11-02T09:00:00.000Z');
    // Kusto built these in no order; read back as the SQL sorts them.
    expect(user?.features.userAgents).toEqual([{ key: 'azure-cli', name: null, count: 2 }, { key: 'browser', name: null, count: 1 }]);
    expect(user?.features.hourOfWeek?.filter((count) => count > 0)).toEqual([1, 1, 1]);
    expect(user?.features.portalNoMfaFirst).toBeNull();
  });

  it('refuses an answer without a table, and a row without a principal', () => {
    expect(primaryTable({ error: { code: 'BadArgumentError' } })).toBeNull();
    expect(() => pushedRows({ value: [] })).toThrow('the answer has no result table (expected tables, columns and rows)');
    expect(() => pushedRows({ tables: [{ name: 'PrimaryResult', columns: [{ name: 'pid', type: 'string' }], rows: [['']] }] })).toThrow('row 1: no pid');
  });
});
