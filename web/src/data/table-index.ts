import type { IdentityKind } from '../../../src/model/identity.js';
import { ACTION_LABEL, ACTION_ORDER, CLASS_ORDER, VERDICT_URGENCY } from '../../../src/report/presentation.js';
import type { CodedColumn, EmbeddedTable } from '../../../src/report/view-model/embedded-format.js';
import { NO_VALUE, type SortKey, type TableQuery, type TableRow } from '../../../src/report/view-model/view-types.js';

/** Sorts last among texts (no name starts with it), so that "none" comes after every value. */
const LAST = '\uffff';

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function valueAt(column: CodedColumn, index: number): string | null {
  const code = column.codes[index] ?? -1;
  return code < 0 ? null : (column.values[code] ?? null);
}

/** The code a filter value has in a column: -1 for NO_VALUE, undefined for a value no row has. */
function codeOf(column: CodedColumn, value: string): number | undefined {
  if (value === NO_VALUE) return -1;
  const code = column.values.indexOf(value);
  return code < 0 ? undefined : code;
}

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && values.some((known) => known === value);
}

function compareKeys(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : byCodeUnits(String(a), String(b));
}

/** Each key's dense rank among the keys (equal keys, equal ranks). */
function denseRanks(keys: readonly (number | string)[]): Int32Array {
  const distinct = [...new Set(keys)].sort(compareKeys);
  const rankOf = new Map(distinct.map((key, rank) => [key, rank]));
  return Int32Array.from(keys, (key) => rankOf.get(key) ?? 0);
}

/** A value's place in a fixed order; values it does not know come after. */
function orderRank(order: readonly string[], value: string): number {
  const at = order.indexOf(value);
  return at < 0 ? order.length : at;
}

/** Ranks of a coded column: its few distinct values keyed and ranked once, then each row's code looked up. */
function codedRanks(column: CodedColumn, key: (value: string) => number | string, none: number | string): Int32Array {
  // Position 0 is "no value" (code -1), so a row's code + 1 indexes this list.
  const byCode = denseRanks([none, ...column.values.map(key)]);
  const ranks = new Int32Array(column.codes.length);
  for (let index = 0; index < ranks.length; index += 1) ranks[index] = byCode[(column.codes[index] ?? -1) + 1] ?? 0;
  return ranks;
}

const KINDS: readonly IdentityKind[] = ['user', 'servicePrincipal', 'managedIdentity'];

/**
 * Search, filters and sorts over the embedded table, in the page: each sort's order of all rows is made once (an
 * integer key per row, then one sort), and a query walks that order keeping the rows that match, so typing in the
 * search box costs one pass over 100,000 rows, not a sort.
 */
export class TableIndex {
  private readonly table: EmbeddedTable;
  private haystack: string[] | null = null;
  private readonly orders = new Map<string, Int32Array>();
  private readonly rankings = new Map<SortKey, Int32Array>();

  constructor(table: EmbeddedTable) {
    this.table = table;
  }

  get count(): number {
    return this.table.count;
  }

  row(index: number): TableRow {
    const t = this.table;
    const kind = valueAt(t.kind, index);
    const identityClass = valueAt(t.class, index);
    const verdict = valueAt(t.verdict, index);
    const action = valueAt(t.action, index);
    return {
      index,
      id: t.id[index] ?? '',
      upn: t.upn[index] ?? null,
      displayName: t.name[index] ?? '',
      kind: isOneOf(KINDS, kind) ? kind : 'user',
      class: isOneOf(CLASS_ORDER, identityClass) ? identityClass : 'unknown',
      confidence: (t.confidence[index] ?? 0) / 100,
      verdict: isOneOf(VERDICT_URGENCY, verdict) ? verdict : 'not-affected',
      breaksOn: valueAt(t.breaksOn, index),
      phase: valueAt(t.phase, index),
      action: isOneOf(ACTION_ORDER, action) ? action : 'none',
      owner: valueAt(t.owner, index),
      exception: valueAt(t.exception, index),
      stage: valueAt(t.stage, index),
      automation: t.automation[index] ?? 0,
    };
  }

  /** Lower-cased name, UPN, object ID and owner per row, made on the first search. */
  private searchText(): string[] {
    if (this.haystack !== null) return this.haystack;
    const t = this.table;
    const texts: string[] = new Array<string>(t.count);
    for (let index = 0; index < t.count; index += 1) {
      texts[index] = `${t.name[index] ?? ''}\n${t.upn[index] ?? ''}\n${t.id[index] ?? ''}\n${valueAt(t.owner, index) ?? ''}`.toLowerCase();
    }
    this.haystack = texts;
    return texts;
  }

  /**
   * Each row's dense rank under this sort's key (equal keys, equal ranks; a number, or a text compared by UTF-16 code
   * units as the dashboard's SQL compares), kept for both directions. Few-valued columns rank their distinct values
   * and look each row's code up in a typed loop; only names need their 100,000 keys sorted (warmed ahead).
   */
  private ranks(sort: SortKey): Int32Array {
    const cached = this.rankings.get(sort);
    if (cached) return cached;
    const t = this.table;
    const made = ((): Int32Array => {
      switch (sort) {
        case 'urgency':
          return Int32Array.from({ length: t.count }, (_, index) => index);
        case 'name':
          return denseRanks(t.name.map((name) => name.toLowerCase()));
        case 'confidence':
          return denseRanks(t.confidence);
        case 'automation':
          return denseRanks(t.automation);
        case 'class':
          return codedRanks(t.class, (value) => orderRank(CLASS_ORDER, value), CLASS_ORDER.length);
        case 'verdict':
          return codedRanks(t.verdict, (value) => orderRank(VERDICT_URGENCY, value), VERDICT_URGENCY.length);
        case 'breaksOn':
          return codedRanks(t.breaksOn, (value) => value, LAST);
        case 'action':
          return codedRanks(t.action, (value) => (isOneOf(ACTION_ORDER, value) ? ACTION_LABEL[value] : value), LAST);
        case 'owner':
          return codedRanks(t.owner, (value) => value.toLowerCase(), LAST);
        case 'stage':
          return codedRanks(t.stage, (value) => value, LAST);
      }
    })();
    this.rankings.set(sort, made);
    return made;
  }

  /**
   * Every row in this sort's order; ties (and "none", which sorts last ascending) keep the contract's order. A
   * counting sort over the ranks: one pass to count, one to place, whatever the direction.
   */
  order(sort: SortKey, descending: boolean): Int32Array {
    const name = `${sort}:${descending ? 'desc' : 'asc'}`;
    const cached = this.orders.get(name);
    if (cached) return cached;
    const count = this.table.count;
    const ranks = this.ranks(sort);
    let top = 0;
    for (const rank of ranks) top = Math.max(top, rank);
    const slot = (rank: number): number => (descending ? top - rank : rank);
    const starts = new Int32Array(top + 2);
    for (const rank of ranks) starts[slot(rank) + 1] = (starts[slot(rank) + 1] ?? 0) + 1;
    for (let at = 1; at < starts.length; at += 1) starts[at] = (starts[at] ?? 0) + (starts[at - 1] ?? 0);
    const order = new Int32Array(count);
    for (let index = 0; index < count; index += 1) {
      const at = slot(ranks[index] ?? 0);
      order[starts[at] ?? 0] = index;
      starts[at] = (starts[at] ?? 0) + 1;
    }
    this.orders.set(name, order);
    return order;
  }

  /** Makes ahead of time what the first search and the first sort by name would otherwise make then. */
  warm(): void {
    this.searchText();
    this.ranks('name');
  }

  /** The rows matching the query, in its order, as row indices. */
  matching(query: TableQuery): Int32Array {
    const t = this.table;
    const order = this.order(query.sort, query.descending);
    const wanted = [
      query.class === '' ? null : { column: t.class, code: codeOf(t.class, query.class) },
      query.verdict === '' ? null : { column: t.verdict, code: codeOf(t.verdict, query.verdict) },
      query.phase === '' ? null : { column: t.phase, code: codeOf(t.phase, query.phase) },
      query.breaksOn === '' ? null : { column: t.breaksOn, code: codeOf(t.breaksOn, query.breaksOn) },
      query.owner === '' ? null : { column: t.owner, code: codeOf(t.owner, query.owner) },
    ].filter((filter) => filter !== null);
    if (wanted.some((filter) => filter.code === undefined)) return new Int32Array(0);
    const needle = query.text.trim().toLowerCase();
    const haystack = needle === '' ? null : this.searchText();
    if (wanted.length === 0 && haystack === null) return order;
    const kept = new Int32Array(order.length);
    let count = 0;
    for (const index of order) {
      if (!wanted.every((filter) => filter.column.codes[index] === filter.code)) continue;
      if (haystack !== null && !(haystack[index] ?? '').includes(needle)) continue;
      kept[count] = index;
      count += 1;
    }
    return kept.slice(0, count);
  }
}
