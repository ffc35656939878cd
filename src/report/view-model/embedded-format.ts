/**
 * How report.html carries its identities (written by src/report/html/, read by web/src/data/embedded-source.ts).
 * Two blocks, each gzip then base64 (text in a non-script `<script>` block: base64 holds no `<`):
 * - the table: one array per column, a row per identity in the contract's order; few-valued texts as codes into a
 *   list of their distinct values. Decoded at load: it is what search, sort and filter run over.
 * - the details, in chunks of up to DETAIL_CHUNK identities, one line each, decoded only when an identity of the
 *   chunk is opened; the table says which chunk and where in it. Chunks are made by the threads that analysed their
 *   identities, so they follow the order of analysis, not the table's. Every text of a chunk is stored once (a reason
 *   or an evidence line repeats across identities) and the details point to it by position.
 */

/** Identities per detail chunk: opening one decodes ~100 KB, not the whole tenant. */
export const DETAIL_CHUNK = 256;

/** A column of few distinct texts: each row's position in `values`, -1 for none. */
export interface CodedColumn {
  values: string[];
  codes: number[];
}

export interface EmbeddedTable {
  count: number;
  id: string[];
  upn: (string | null)[];
  name: string[];
  /** Confidence in hundredths (the contract's two decimals), to keep the column short. */
  confidence: number[];
  automation: number[];
  /** Which line of the details block holds the identity's details, and where in that chunk. */
  detailChunk: number[];
  detailPosition: number[];
  kind: CodedColumn;
  class: CodedColumn;
  verdict: CodedColumn;
  breaksOn: CodedColumn;
  phase: CodedColumn;
  action: CodedColumn;
  owner: CodedColumn;
  exception: CodedColumn;
  stage: CodedColumn;
}

/** Facts as [label, text] position pairs into the chunk's texts. */
export type EmbeddedFacts = [number, number][] | null;

/** One identity's detail: texts as positions into its chunk's `texts`. */
export type EmbeddedDetail = [
  evidence: [signal: number, detail: number, weight: number][],
  reasons: number[],
  automation: [file: number, line: number, authMethod: number][],
  why: number,
  hourOfWeek: number[] | null,
  plan: EmbeddedFacts,
  owner: EmbeddedFacts,
  exception: EmbeddedFacts,
];

export interface EmbeddedDetailChunk {
  texts: string[];
  details: EmbeddedDetail[];
}

/** Element ids of the blocks in report.html. */
export const OVERVIEW_BLOCK = 'overview-data';
export const TABLE_BLOCK = 'table-data';
export const DETAIL_BLOCK = 'detail-data';
