import { identityDetailSchema, overviewSchema, tablePageSchema } from '../../../src/report/view-model/view-schemas.js';
import type { IdentityDetail, Overview, TableQuery, TableRow } from '../../../src/report/view-model/view-types.js';
import type { DataSource, RowSet } from './data-source.js';
import type * as z from 'zod/mini';
import { parseJson } from './parse-json.js';

/** Rows per request: a screenful and more, so scrolling asks again only every few screens. */
export const PAGE_ROWS = 200;
/** The header the dashboard's API reads the access token from (kept out of URLs the browser might log). */
export const TOKEN_HEADER = 'X-Unattended-Token';

async function getJson<T>(path: string, token: string, schema: z.ZodMiniType<T>): Promise<T> {
  const response = await fetch(path, { headers: { [TOKEN_HEADER]: token }, credentials: 'omit' });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path.split('?')[0] ?? path}: ${response.status} ${text.slice(0, 200)}`);
  return parseJson(text, schema, path.split('?')[0] ?? path);
}

export function queryParams(query: TableQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text !== '') params.set('q', query.text);
  if (query.class !== '') params.set('class', query.class);
  if (query.verdict !== '') params.set('verdict', query.verdict);
  if (query.phase !== '') params.set('phase', query.phase);
  if (query.breaksOn !== '') params.set('breaksOn', query.breaksOn);
  if (query.owner !== '') params.set('owner', query.owner);
  params.set('sort', query.sort);
  if (query.descending) params.set('desc', '1');
  return params;
}

/** `unattended serve`'s API: the table a page at a time, in DuckDB's order; nothing of the tenant is kept but what is on screen. */
export function remoteSource(token: string): DataSource {
  return {
    live: true,
    overview: (): Promise<Overview> => getJson('/api/overview', token, overviewSchema),
    async query(query: TableQuery): Promise<RowSet> {
      const params = queryParams(query);
      const pages = new Map<number, Promise<number>>();
      const rows = new Map<number, TableRow>();
      /** Loads a page of rows; resolves with how many rows match in all. */
      const fetchPage = (page: number): Promise<number> => {
        const known = pages.get(page);
        if (known) return known;
        const paged = new URLSearchParams(params);
        paged.set('offset', String(page * PAGE_ROWS));
        paged.set('limit', String(PAGE_ROWS));
        const loading = getJson(`/api/identities?${paged.toString()}`, token, tablePageSchema).then((answer) => {
          answer.rows.forEach((row, at) => rows.set(answer.offset + at, row));
          return answer.total;
        });
        pages.set(page, loading);
        // A failed page is asked for again when it is next needed.
        loading.catch(() => pages.delete(page));
        return loading;
      };
      const total = await fetchPage(0);
      return {
        total,
        row: (position: number) => rows.get(position),
        async load(start: number, end: number): Promise<void> {
          const wanted: Promise<number>[] = [];
          for (let page = Math.floor(start / PAGE_ROWS); page * PAGE_ROWS < Math.min(end, total); page += 1) wanted.push(fetchPage(page));
          await Promise.all(wanted);
        },
      };
    },
    detail: (row: TableRow): Promise<IdentityDetail> => getJson(`/api/identity?id=${encodeURIComponent(row.id)}`, token, identityDetailSchema),
  };
}
