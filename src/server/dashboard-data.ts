import { gunzipSync } from 'node:zlib';
import * as z from 'zod/mini';
import type { AnalysisResult } from '../model/analysis.js';
import type { SnapshotHistory } from '../model/governance-diff.js';
import type { ScanFinding } from '../model/scan-finding.js';
import { ACTION_LABEL, CLASS_ORDER, VERDICT_URGENCY } from '../report/presentation.js';
import type { ImportSummary, ReportIdentities } from '../report/report-input.js';
import { detailFromChunk } from '../report/view-model/embedded-detail.js';
import type { EmbeddedDetailChunk } from '../report/view-model/embedded-format.js';
import { OverviewBuilder } from '../report/view-model/overview-builder.js';
import { embeddedDetailChunkSchema, tableRowSchema } from '../report/view-model/view-schemas.js';
import { NO_VALUE, type Overview, type SortKey, type TableQuery, type TableRow } from '../report/view-model/view-types.js';
import { openStore, type SqlParam, type Store } from '../store/store.js';

/** The most rows one request may ask for: a few screens. */
export const MAX_PAGE_ROWS = 500;

export interface TablePage {
  total: number;
  offset: number;
  rows: TableRow[];
}

/** The analysis as the dashboard serves it: the overview, and the identities a page at a time from DuckDB. */
export interface DashboardData {
  readonly overview: Overview;
  page(query: TableQuery, offset: number, limit: number): Promise<TablePage>;
  /** The identity's detail as JSON text (what the detail view reads), or null for an id the analysis does not have. */
  detailJson(id: string): Promise<string | null>;
  close(): void;
}

/**
 * Each sort as an SQL expression over columns made in JavaScript exactly as the report's TableIndex makes its keys
 * (lower-cased names and owners, label texts, ranks), so a query gives the same rows in the same order in both.
 */
const ORDER: Readonly<Record<SortKey, string>> = {
  urgency: 'idx',
  name: 'name_key',
  class: 'class_rank',
  verdict: 'verdict_rank',
  breaksOn: 'breaks_on',
  confidence: 'confidence_rank',
  action: 'action_label',
  owner: 'owner_key',
  stage: 'stage',
  automation: 'automation',
};

const COLUMNS = [
  ['idx', 'INTEGER'], ['id', 'VARCHAR'], ['class', 'VARCHAR'], ['verdict', 'VARCHAR'], ['breaks_on', 'VARCHAR'], ['phase', 'VARCHAR'],
  ['owner', 'VARCHAR'], ['stage', 'VARCHAR'], ['automation', 'INTEGER'], ['search', 'VARCHAR'], ['name_key', 'VARCHAR'], ['class_rank', 'INTEGER'],
  ['verdict_rank', 'INTEGER'], ['confidence_rank', 'INTEGER'], ['action_label', 'VARCHAR'], ['owner_key', 'VARCHAR'], ['row', 'VARCHAR'],
  ['detail_chunk', 'INTEGER'], ['detail_position', 'INTEGER'],
] as const;

/** Decoded chunks of details kept: opening identities analysed near each other does not decode their chunk again. */
const KEPT_CHUNKS = 8;

const countSchema = z.object({ n: z.number() });
const rowTextSchema = z.object({ row: z.string() });
const placeSchema = z.object({ row: z.string(), chunk: z.number(), position: z.number() });
const chunkTextSchema = z.object({ data: z.string() });

/** The WHERE clause and its parameters: values only ever travel as parameters. */
function filters(query: TableQuery): { where: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  const needle = query.text.trim().toLowerCase();
  if (needle !== '') {
    clauses.push('contains(search, ?)');
    params.push(needle);
  }
  const equal = (column: string, value: string): void => {
    if (value === '') return;
    if (value === NO_VALUE) {
      clauses.push(`${column} IS NULL`);
      return;
    }
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('class', query.class);
  equal('verdict', query.verdict);
  equal('phase', query.phase);
  equal('breaks_on', query.breaksOn);
  equal('owner', query.owner);
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

function rank<T extends string>(order: readonly T[], value: string): number {
  const at = order.findIndex((known) => known === value);
  return at < 0 ? order.length : at;
}

/**
 * The analysis loaded into an in-memory DuckDB (the store itself is closed again, so imports can run beside the
 * dashboard): one row per identity with its table row as JSON, the columns the dashboard filters and sorts on, and
 * where its details are among the compressed chunks (about 76 bytes an identity, the report's own), which a second
 * table holds and the server decodes when an identity is opened. The overview is counted as the rows go in, by the
 * same builder as the report's.
 */
export async function loadDashboardData(
  head: Omit<AnalysisResult, 'identities' | 'summary'>,
  identities: ReportIdentities,
  parts: { scanFindings: ScanFinding[]; imports: ImportSummary[]; generatedAt: string; history?: SnapshotHistory | null },
): Promise<DashboardData> {
  const db: Store = await openStore(':memory:', { readOnly: true });
  try {
    await db.run(`CREATE TABLE identities (${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`);
    await db.run('CREATE TABLE detail_chunks (chunk INTEGER, data VARCHAR)');
    const chunkAppender = await db.connection.createAppender('detail_chunks');
    identities.detailChunks().forEach((data, chunk) => {
      chunkAppender.appendInteger(chunk);
      chunkAppender.appendVarchar(data);
      chunkAppender.endRow();
    });
    chunkAppender.flushSync();
    chunkAppender.closeSync();
    const builder = new OverviewBuilder(parts.scanFindings);
    const appender = await db.connection.createAppender('identities');
    const text = (value: string | null): void => (value === null ? appender.appendNull() : appender.appendVarchar(value));
    for (const entry of identities.entries()) {
      const row = entry.row();
      const place = entry.detail();
      builder.add(row, entry.plan());
      appender.appendInteger(row.index);
      text(row.id);
      text(row.class);
      text(row.verdict);
      text(row.breaksOn);
      text(row.phase);
      text(row.owner);
      text(row.stage);
      appender.appendInteger(row.automation);
      text(`${row.displayName}\n${row.upn ?? ''}\n${row.id}\n${row.owner ?? ''}`.toLowerCase());
      text(row.displayName.toLowerCase());
      appender.appendInteger(rank(CLASS_ORDER, row.class));
      appender.appendInteger(rank(VERDICT_URGENCY, row.verdict));
      appender.appendInteger(Math.round(row.confidence * 100));
      text(ACTION_LABEL[row.action]);
      text(row.owner === null ? null : row.owner.toLowerCase());
      text(JSON.stringify(row));
      appender.appendInteger(place.chunk);
      appender.appendInteger(place.position);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    const overview = builder.finish(head, parts.imports, parts.generatedAt, parts.history ?? null);
    const decoded = new Map<number, EmbeddedDetailChunk>();
    async function chunk(number: number): Promise<EmbeddedDetailChunk | null> {
      const known = decoded.get(number);
      if (known) return known;
      const [found] = await db.all('SELECT data FROM detail_chunks WHERE chunk = ?', [number]);
      if (found === undefined) return null;
      const made = z.parse(embeddedDetailChunkSchema, JSON.parse(gunzipSync(Buffer.from(z.parse(chunkTextSchema, found).data, 'base64')).toString('utf8')));
      decoded.set(number, made);
      if (decoded.size > KEPT_CHUNKS) {
        const [oldest] = decoded.keys();
        if (oldest !== undefined) decoded.delete(oldest);
      }
      return made;
    }
    return {
      overview,
      async page(query, offset, limit) {
        const { where, params } = filters(query);
        const [counted] = await db.all(`SELECT count(*)::INTEGER AS n FROM identities ${where}`, params);
        const total = z.parse(countSchema, counted).n;
        const direction = query.descending ? 'DESC NULLS FIRST' : 'ASC NULLS LAST';
        const rows = await db.all(`SELECT row FROM identities ${where} ORDER BY ${ORDER[query.sort]} ${direction}, idx LIMIT ? OFFSET ?`, [...params, Math.min(limit, MAX_PAGE_ROWS), offset]);
        return { total, offset, rows: rows.map((found) => z.parse(tableRowSchema, JSON.parse(z.parse(rowTextSchema, found).row))) };
      },
      async detailJson(id) {
        const [found] = await db.all('SELECT row, detail_chunk AS chunk, detail_position AS position FROM identities WHERE id = ? ORDER BY idx LIMIT 1', [id]);
        if (found === undefined) return null;
        const place = z.parse(placeSchema, found);
        const details = await chunk(place.chunk);
        const detail = details === null ? null : detailFromChunk(z.parse(tableRowSchema, JSON.parse(place.row)), details, place.position);
        return detail === null ? null : JSON.stringify(detail);
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
