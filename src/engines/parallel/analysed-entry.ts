import { featuresFromText, type FeatureRows } from '../../features/identity-row.js';
import type { IdentityAnalysis, IdentityWhatIf } from '../../model/analysis.js';
import { ObservedActionsDeferred } from '../plan/plan-context.js';
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
  /**
   * The rows of identities whose migration plan needs their observed actions while the context defers them
   * (PlanContext.observedDeferred): not analysed here, to be analysed again once those are read.
   */
  deferred: string[];
}

const NO_BYTES = new Uint8Array(0);

/** What one identity's analysis.json text is taken to need before any has been measured on this thread. */
const FIRST_GUESS_BYTES_PER_IDENTITY = 4096;
/** Room a chunk's buffer leaves beyond what its identities are expected to need. */
const CHUNK_MARGIN = 1.25;

/** Mean UTF-8 bytes of an identity's text in the chunks this thread has analysed: sizes the next chunk's buffer. */
let bytesPerIdentity = FIRST_GUESS_BYTES_PER_IDENTITY;

/**
 * A chunk's JSON is written into one buffer of its own, sized for the chunk up front and handed over whole: no copy
 * out of a scratch buffer, no doubling by copies while it fills. Pages are only paid for when written (what is never
 * written is never resident), and on a virtual machine the first write to a page is what costs (a fault, ~10 µs a
 * page): copying megabytes between buffers paid that twice.
 */
class ChunkBuffer {
  bytes: Buffer<ArrayBuffer>;
  used = 0;

  constructor(identities: number) {
    this.bytes = Buffer.allocUnsafeSlow(Math.max(1, Math.ceil(identities * bytesPerIdentity * CHUNK_MARGIN)));
  }

  /** Appends `text` as UTF-8; grows (the one copy) only when the chunk outgrew its estimate. */
  write(text: string): void {
    const needed = Buffer.byteLength(text);
    if (this.used + needed > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + needed));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used);
  }

  /** The chunk's bytes, and what they taught about the size of an identity's text. */
  finish(identities: number): Buffer<ArrayBuffer> {
    if (identities > 0 && this.used > 0) bytesPerIdentity = this.used / identities;
    return this.bytes.subarray(0, this.used);
  }
}

/**
 * Feature rows as the store gives them (JSON texts) → checked features → analysis → entries, whose analysis.json
 * bytes (and CSV records) share one buffer (`bytes`, to hand to another thread without a copy). Each identity goes all
 * the way to its bytes before the next is read: only the entries outlive it, so the young generation's collections
 * find little alive. For the report, its details (with the features' hour-of-week histogram, which the contract does
 * not carry) are compressed here too, on whichever thread analyses the chunk.
 */
export function analyseTexts(texts: FeatureRows, context: AnalysisContext, options: EntryOptions = { report: false }): AnalysedRun {
  const spans: [number, number, number][] = [];
  const entries: AnalysedEntry[] = [];
  const details = options.report ? new DetailChunks() : null;
  const detailChunks: string[] = [];
  const deferred: string[] = [];
  const out = new ChunkBuffer(texts.length);
  for (let index = 0; index < texts.length; index += 1) {
    // Taken one at a time: a chunk from the store decodes each text only now (identityFeatureRows).
    const text = texts.at(index) ?? '';
    const features = featuresFromText(text);
    let identity: IdentityAnalysis;
    try {
      identity = analyseIdentity(features, context);
    } catch (error) {
      if (!(error instanceof ObservedActionsDeferred)) throw error;
      deferred.push(text);
      continue;
    }
    const start = out.used;
    out.write(identityJsonText(identity));
    const jsonEnd = out.used;
    let report: ReportParts | null = null;
    if (details) {
      out.write(csvRecord(identityRow(identity)));
      const { index: _index, ...row } = tableRowOf(identity, 0);
      const at = details.position;
      report = { row, plan: planSummaryOf(identity), csv: NO_BYTES, chunk: detailChunks.length, position: at };
      const encoded = details.add(detailOf(identity, 0, features.hourOfWeek));
      if (encoded !== null) detailChunks.push(encoded);
    }
    spans.push([start, jsonEnd, out.used]);
    // A literal, not a spread of the order key: objects made by spreading each got a hidden class of their own (400
    // bytes more per entry, and every read of a field across entries megamorphic).
    const entry: AnalysedEntry = {
      sortName: orderKeyOf(identity).sortName,
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
  const bytes = out.finish(texts.length);
  entries.forEach((entry, index) => {
    const [start, jsonEnd, end] = spans[index] ?? [0, 0, 0];
    entry.json = bytes.subarray(start, jsonEnd);
    if (entry.report) entry.report.csv = bytes.subarray(jsonEnd, end);
  });
  return { entries, bytes: bytes.buffer, detailChunks, deferred };
}
