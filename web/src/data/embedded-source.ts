import { detailFromChunk } from '../../../src/report/view-model/embedded-detail.js';
import { DETAIL_BLOCK, OVERVIEW_BLOCK, TABLE_BLOCK, type EmbeddedDetailChunk, type EmbeddedTable } from '../../../src/report/view-model/embedded-format.js';
import { embeddedDetailChunkSchema, embeddedTableSchema, overviewSchema } from '../../../src/report/view-model/view-schemas.js';
import type { IdentityDetail, Overview, TableQuery, TableRow } from '../../../src/report/view-model/view-types.js';
import { byId } from '../dom.js';
import type { DataSource, RowSet } from './data-source.js';
import { gunzipBase64 } from './gzip-base64.js';
import { parseJson } from './parse-json.js';
import { TableIndex } from './table-index.js';

/** Decoded chunks kept: opening identities near each other does not decode their chunk again. */
const KEPT_CHUNKS = 8;

/** The details follow the script in the file, so the page is drawn while they are still being parsed. */
function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((done) => document.addEventListener('DOMContentLoaded', () => done(), { once: true }));
}

function blockText(id: string): string {
  return byId(id).textContent ?? '';
}

/** Every column as long as the table: a file cut short or edited by hand fails here, not as blank rows later. */
function checkLengths(table: EmbeddedTable): EmbeddedTable {
  const columns = [table.id, table.upn, table.name, table.confidence, table.automation, table.detailChunk, table.detailPosition, table.kind.codes, table.class.codes, table.verdict.codes,
    table.breaksOn.codes, table.phase.codes, table.action.codes, table.owner.codes, table.exception.codes, table.stage.codes];
  if (columns.some((column) => column.length !== table.count)) throw new Error(`the identity table's columns do not all hold ${table.count} rows`);
  return table;
}

/** report.html's own data: the overview at once, the table decoded at load, the details a chunk at a time when opened. */
export async function embeddedSource(): Promise<DataSource> {
  const overview: Overview = parseJson(blockText(OVERVIEW_BLOCK), overviewSchema, 'the report overview');
  const table = checkLengths(parseJson(await gunzipBase64(blockText(TABLE_BLOCK).trim()), embeddedTableSchema, 'the identity table'));
  const index = new TableIndex(table);
  let chunkTexts: string[] | null = null;
  const chunks = new Map<number, Promise<EmbeddedDetailChunk>>();

  function chunk(number: number): Promise<EmbeddedDetailChunk> {
    const known = chunks.get(number);
    if (known) return known;
    const decoded = documentParsed().then(async () => {
      chunkTexts ??= blockText(DETAIL_BLOCK).trim().split('\n');
      return parseJson(await gunzipBase64(chunkTexts[number] ?? ''), embeddedDetailChunkSchema, `details chunk ${number}`);
    });
    chunks.set(number, decoded);
    if (chunks.size > KEPT_CHUNKS) {
      const [oldest] = chunks.keys();
      if (oldest !== undefined) chunks.delete(oldest);
    }
    return decoded;
  }

  return {
    live: false,
    overview: () => Promise.resolve(overview),
    query(query: TableQuery): Promise<RowSet> {
      const rows = index.matching(query);
      return Promise.resolve({
        total: rows.length,
        row: (position: number) => {
          const at = rows[position];
          return at === undefined ? undefined : index.row(at);
        },
        load: () => Promise.resolve(),
      });
    },
    warm: () => index.warm(),
    async detail(row: TableRow): Promise<IdentityDetail> {
      const detail = detailFromChunk(row, await chunk(table.detailChunk[row.index] ?? -1), table.detailPosition[row.index] ?? -1);
      if (detail === null) throw new Error(`no details for identity ${row.index}`);
      return detail;
    },
  };
}
