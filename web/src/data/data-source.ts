import type { IdentityDetail, Overview, TableQuery, TableRow } from '../../../src/report/view-model/view-types.js';

/** The rows that match a query, in its order, at hand at once (the report) or page by page (the dashboard). */
export interface RowSet {
  readonly total: number;
  /** The row at this position, if it is at hand. */
  row(position: number): TableRow | undefined;
  /** Brings the rows from `start` to `end` (exclusive) to hand. */
  load(start: number, end: number): Promise<void>;
}

/** Where the views get their data: report.html's embedded blocks, or `unattended serve`'s API over DuckDB. */
export interface DataSource {
  /** True for the dashboard: the data is the store's, now. */
  readonly live: boolean;
  overview(): Promise<Overview>;
  query(query: TableQuery): Promise<RowSet>;
  detail(row: TableRow): Promise<IdentityDetail>;
  /** Work the first search or sort would do, done ahead while the reader looks at the page. */
  warm?(): void;
}
