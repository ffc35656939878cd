import type { AnalysisResult, IdentityAnalysis } from '../model/analysis.js';
import type { SnapshotHistory } from '../model/governance-diff.js';
import type { ScanFinding } from '../model/scan-finding.js';
import { csvRecord } from './csv-cell.js';
import { identityRow } from './csv.js';
import { DETAIL_CHUNK } from './view-model/embedded-format.js';
import { detailOf, planSummaryOf, tableRowOf } from './view-model/identity-views.js';
import type { PlanSummary, TableRow } from './view-model/view-types.js';
import { DetailChunks } from './html/detail-chunks.js';
import { identityJsonText } from './json.js';
import type { ReportBytes } from './report-bytes.js';

/** One batch of the store as the report shows it under "data coverage". */
export interface ImportSummary {
  file: string;
  format: string | null;
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

/** Where an identity's details are: which of ReportIdentities.detailChunks(), and where in it. */
export interface DetailPlace {
  chunk: number;
  position: number;
}

/**
 * One identity of the analysis, as each reporter asks for it: already rendered by the thread that analysed it (a
 * 100,000-identity tenant), or rendered when asked (identities in memory).
 */
export interface ReportEntry {
  /** Its row of the identity table; `index` is its place in the contract's order. */
  row(): TableRow;
  /** Its migration plan in brief, when it has a migration or retirement to carry out. */
  plan(): PlanSummary | null;
  /** Its text in analysis.json (identityJsonText), as UTF-8 bytes or a string. */
  json(): Uint8Array | string;
  /** Its identities.csv record, CRLF included. */
  csv(): Uint8Array | string;
  detail(): DetailPlace;
}

/** The identities in the contract's order, walked afresh by each reporter, one at a time, and their compressed details. */
export interface ReportIdentities {
  readonly count: number;
  entries(): Iterable<ReportEntry>;
  /** Every identity's details, gzip + base64 JSON in chunks (html/detail-chunks.ts), which `detail()` points into. */
  detailChunks(): readonly string[];
}

/** The analysis without its identities: they come through ReportIdentities. */
export type AnalysisHead = Omit<AnalysisResult, 'identities'>;

/** Everything a reporter may read. Reporters never query the store: the CLI builds this (store → read model → reporters). */
export interface ReportInput {
  analysis: AnalysisHead;
  identities: ReportIdentities;
  scanFindings: ScanFinding[];
  imports: ImportSummary[];
  /** The store's governance snapshots, when it keeps any (the views over time). */
  history?: SnapshotHistory | null;
  /** ISO-8601; passed in (not read from the clock) so the same input gives the same bytes. */
  generatedAt: string;
}

export interface ReportFile {
  fileName: string;
  bytes: ReportBytes;
}

export type Reporter = (input: ReportInput) => ReportFile[];

/**
 * Identities already in memory, in the contract's order (the demo's tests, the fixtures): each part rendered when a
 * reporter asks for it; the details compressed in chunks of DETAIL_CHUNK in that order, once.
 */
export function listedIdentities(identities: readonly IdentityAnalysis[], hourOfWeek: ReadonlyMap<string, readonly number[]> = new Map()): ReportIdentities {
  let chunks: string[] | null = null;
  return {
    count: identities.length,
    *entries() {
      let index = 0;
      for (const identity of identities) {
        const at = index;
        yield {
          row: () => tableRowOf(identity, at),
          plan: () => planSummaryOf(identity),
          json: () => identityJsonText(identity),
          csv: () => csvRecord(identityRow(identity)),
          detail: () => ({ chunk: Math.floor(at / DETAIL_CHUNK), position: at % DETAIL_CHUNK }),
        };
        index += 1;
      }
    },
    detailChunks() {
      if (chunks !== null) return chunks;
      const encoder = new DetailChunks();
      const made: string[] = [];
      identities.forEach((identity, index) => {
        const chunk = encoder.add(detailOf(identity, index, hourOfWeek.get(identity.id) ?? null));
        if (chunk !== null) made.push(chunk);
      });
      const last = encoder.finish();
      if (last !== null) made.push(last);
      chunks = made;
      return made;
    },
  };
}

/** A whole AnalysisResult as a report's input. */
export function reportInputOf(
  analysis: AnalysisResult,
  parts: { scanFindings: ScanFinding[]; imports: ImportSummary[]; generatedAt: string; hourOfWeek?: ReadonlyMap<string, readonly number[]>; history?: SnapshotHistory | null },
): ReportInput {
  const { identities, ...head } = analysis;
  return {
    analysis: head, identities: listedIdentities(identities, parts.hourOfWeek), scanFindings: parts.scanFindings, imports: parts.imports, history: parts.history ?? null, generatedAt: parts.generatedAt,
  };
}
