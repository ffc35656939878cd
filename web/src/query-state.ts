import { EMPTY_QUERY, type TableQuery } from '../../src/report/view-model/view-types.js';

type Listener = (query: TableQuery) => void;

/** The identity table's search, filters and sort: set by its controls and by every chart and card that filters it. */
export class QueryState {
  private current: TableQuery = EMPTY_QUERY;
  private readonly listeners: Listener[] = [];
  private readonly jumps: (() => void)[] = [];

  get query(): TableQuery {
    return this.current;
  }

  update(change: Partial<TableQuery>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }

  /** Every filter cleared, then `change` applied; `jump` takes the reader to the table (a card or a bar was clicked). */
  reset(change: Partial<TableQuery> = {}, jump = true): void {
    this.current = { ...EMPTY_QUERY, ...change };
    for (const listener of this.listeners) listener(this.current);
    if (jump) for (const listener of this.jumps) listener();
  }

  onJump(listener: () => void): void {
    this.jumps.push(listener);
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }
}
