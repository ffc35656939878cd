import { featuresFromText } from '../../features/identity-row.js';
import type { IdentityAnalysis, IdentityWhatIf } from '../../model/analysis.js';
import type { MigrationPlan, MigrationStage } from '../../model/plan.js';
import type { GovernedIdentity } from '../../model/governance.js';
import { csvRecord } from '../../report/csv-cell.js';
import { identityRow } from '../../report/csv.js';
import { DetailChunks } from '../../report/html/detail-chunks.js';
import { identityJsonText } from '../../report/json.js';
import { detailOf, planSummaryOf, tableRowOf } from '../../report/view-model/identity-views.js';
import type { PlanSummary, TableRow } from '../../report/view-model/view-types.js';
import { analyseIdentity, type AnalysisContext } from '../analyse-identity.js';
import { governedIdentityOf } from '../govern/governed-identity.js';
import { orderKeyOf, type OrderKey } from '../identity-order.js';

/**
 * What the report and the dashboard keep of an identity, made on the thread that analysed it: its table row, its
 * identities.csv record (bytes after `json`, in the same buffer) and where its details are, compressed with those of
 * the identities analysed beside it (`chunk` counts within the chunks of its analysis run until IdentityAnalyser
 * numbers them for the whole tenant).
 */
export interface ReportParts {
  row: Omit<TableRow, 'index'>;
  /** The migration plan in a line per fact, for the overview's plan list; null without a plan to carry out. */
  plan: PlanSummary | null;
  csv: Uint8Array;
  chunk: number;
  position: number;
}

/**
 * One analysed identity as `analyze` needs it: what orders it, counts it and lists it in the terminal table, and its
 * bytes in analysis.json. Small enough to cross from one thread to another; the evidence lives only in `json`.
 */
export interface AnalysedEntry extends OrderKey, Pick<IdentityAnalysis, 'id' | 'upn' | 'displayName' | 'kind' | 'class' | 'verdict' | 'breaksOn' | 'reasons'> {
  recommendation: Pick<IdentityAnalysis['recommendation'], 'action'>;
  /** The migration's stage (the table shows it); null without a plan. */
  stage: MigrationStage | null;
  /** What a snapshot keeps of it: owner, exception, retirement, breaking automation. */
  governed: GovernedIdentity;
  /** With `analyze --what-if`: the client id (a workload's code links by it), and what each policy under test does to it. */
  appId?: string | null;
  whatIf?: Pick<IdentityWhatIf, 'policy' | 'outcome' | 'verdict' | 'newlyFails'>[];
  /** identityJsonText as UTF-8: a view into its chunk's one buffer, which lives outside the JavaScript heap. */
  json: Uint8Array;
  /** Only when the analysis was asked for the report's parts. */
  report: ReportParts | null;
  /** The whole migration plan, only when the analysis was asked for plans (the demo prints one); null otherwise. */
  plan: MigrationPlan | null;
}

/** What an analysis makes of each identity beyond what analyze prints. */
export interface EntryOptions {
  /** The report's parts: table row, CSV record, details compressed in chunks (with the sign-in heatmap). */
  report: boolean;
  /** Each identity's whole migration plan: a few KB of objects each, so only for a command that prints plans. */
  plans?: boolean;
}

/** Entries of one run of analyseTexts, their bytes, and (for the report) their details' compressed chunks. */
export interface AnalysedRun {
  entries: AnalysedEntry[];
  bytes: ArrayBuffer;
  detailChunks: string[];
}

const NO_BYTES = new Uint8Array(0);

const SCRATCH_BYTES = 1 << 20;
/** A chunk that fills this share of the scratch buffer keeps it (see chunkBytes): at most this much of it is unused. */
const HAND_OVER_SHARE = 0.8;
/** Room the next scratch buffer leaves beyond the size of the chunk before it. */
const NEXT_CHUNK_MARGIN = 0.1;

/** This thread's buffer for a chunk's JSON as it is written: grown when a chunk needs more (see chunkBytes). */
let scratch: Buffer<ArrayBuffer> = Buffer.allocUnsafeSlow(SCRATCH_BYTES);

/** Room for `more` bytes after `used` in the scratch buffer, keeping what it holds. */
function reserve(used: number, more: number): Buffer {
  if (used + more <= scratch.length) return scratch;
  const grown = Buffer.allocUnsafeSlow(Math.max(scratch.length * 2, used + more));
  scratch.copy(grown, 0, 0, used);
  scratch = grown;
  return scratch;
}

/**
 * The chunk's bytes: the scratch buffer itself when the chunk filled most of it (a new one, sized for a chunk like
 * this, takes its place: no copy of megabytes per chunk, and no growing by copies on the next), else an exact copy,
 * so that a small chunk does not keep a large buffer alive for as long as its entries live.
 */
function chunkBytes(used: number): Buffer<ArrayBuffer> {
  if (used >= scratch.length * HAND_OVER_SHARE) {
    const bytes = scratch.subarray(0, used);
    scratch = Buffer.allocUnsafeSlow(Math.max(SCRATCH_BYTES, Math.ceil(used * (1 + NEXT_CHUNK_MARGIN))));
    return bytes;
  }
  const bytes = Buffer.allocUnsafeSlow(used);
  scratch.copy(bytes, 0, 0, used);
  return bytes;
}

function write(text: string, used: number): number {
  return used + reserve(used, Buffer.byteLength(text)).write(text, used);
}

/**
 * Feature rows as the store gives them (JSON texts) → checked features → analysis → entries, whose analysis.json
 * bytes (and CSV records) share one buffer (`bytes`, to hand to another thread without a copy). Each identity goes all
 * the way to its bytes before the next is read: only the entries outlive it, so the young generation's collections
 * find little alive. For the report, its details (with the features' hour-of-week histogram, which the contract does
 * not carry) are compressed here too, on whichever thread analyses the chunk.
 */
export function analyseTexts(texts: readonly string[], context: AnalysisContext, options: EntryOptions = { report: false }): AnalysedRun {
  const spans: [number, number, number][] = [];
  const entries: AnalysedEntry[] = [];
  const details = options.report ? new DetailChunks() : null;
  const detailChunks: string[] = [];
  let used = 0;
  for (const text of texts) {
    const features = featuresFromText(text);
    const identity = analyseIdentity(features, context);
    const start = used;
    used = write(identityJsonText(identity), used);
    const jsonEnd = used;
    let report: ReportParts | null = null;
    if (details) {
      used = write(csvRecord(identityRow(identity)), used);
      const { index: _index, ...row } = tableRowOf(identity, 0);
      const at = details.position;
      report = { row, plan: planSummaryOf(identity), csv: NO_BYTES, chunk: detailChunks.length, position: at };
      const encoded = details.add(detailOf(identity, 0, features.hourOfWeek));
      if (encoded !== null) detailChunks.push(encoded);
    }
    spans.push([start, jsonEnd, used]);
    const entry: AnalysedEntry = {
      ...orderKeyOf(identity),
      id: identity.id,
      upn: identity.upn,
      displayName: identity.displayName,
      kind: identity.kind,
      class: identity.class,
      verdict: identity.verdict,
      breaksOn: identity.breaksOn,
      reasons: identity.reasons,
      recommendation: { action: identity.recommendation.action },
      stage: identity.plan?.stage.stage ?? null,
      governed: governedIdentityOf(identity),
      // Set below, once the chunk's buffer exists.
      json: NO_BYTES,
      report,
      plan: options.plans === true ? (identity.plan ?? null) : null,
    };
    if (identity.whatIf) {
      entry.appId = features.appId;
      entry.whatIf = identity.whatIf.map((item) => ({ policy: item.policy, outcome: item.outcome, verdict: item.verdict, newlyFails: item.newlyFails }));
    }
    entries.push(entry);
  }
  const last = details?.finish() ?? null;
  if (last !== null) detailChunks.push(last);
  const bytes = chunkBytes(used);
  entries.forEach((entry, index) => {
    const [start, jsonEnd, end] = spans[index] ?? [0, 0, 0];
    entry.json = bytes.subarray(start, jsonEnd);
    if (entry.report) entry.report.csv = bytes.subarray(jsonEnd, end);
  });
  return { entries, bytes: bytes.buffer, detailChunks };
}
