import { availableParallelism } from 'node:os';
import { identityFeatureRows } from '../../features/load-features.js';
import type { AnalysisResult } from '../../model/analysis.js';
import { analysisJsonFrame } from '../../report/json.js';
import type { Store } from '../../store/store.js';
import { sortByOrderKey } from '../identity-order.js';
import type { AnalysisContext } from '../analyse-identity.js';
import { analysisContext, startAnalysis, summarise, type AnalysisOptions, type PreparedAnalysis } from '../run-analysis.js';
import type { GovernancePolicy } from '../govern/governance-policy.js';
import type { AnalysedEntry } from './analysed-entry.js';
import { IdentityAnalyser } from './identity-analyser.js';
import { whatIfIdentityOf, whatIfReport } from '../whatif/what-if-report.js';
import { emptyPlanContext, observedByIdentity } from '../plan/plan-context.js';
import { loadObservedActions } from '../../store/read-model/plan-inputs.js';
import { featuresFromText } from '../../features/identity-row.js';

/** The analyze contract with each identity as an entry: what the terminal table lists and analysis.json's bytes. */
export interface AnalysedTenant extends Omit<AnalysisResult, 'identities'> {
  identities: AnalysedEntry[];
  /** The report's compressed details (empty unless asked for), which each entry's `report` points into. */
  detailChunks: string[];
  /** How the chunks of feature rows were shared: on this thread, on worker threads, and how many were started. */
  threads: IdentityAnalyser['stats'];
  /** The governance policy the identities were judged by (null without a policy file). */
  governance: GovernancePolicy | null;
}

/** Most worker threads started by default: the main thread and DuckDB's threads want cores too. */
const MAX_DEFAULT_WORKERS = 3;

/** A worker thread per core beyond the first, at most MAX_DEFAULT_WORKERS; none on one core. */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(MAX_DEFAULT_WORKERS, availableParallelism() - 1));
}

/**
 * The context with the observed actions of the identities deferred for them (their feature rows: `deferred`), read
 * for those identities alone.
 */
async function withObserved(store: Store, context: AnalysisContext, deferred: readonly string[]): Promise<AnalysisContext> {
  const features = deferred.map(featuresFromText);
  const rows = await loadObservedActions(store, context.asOf, { ids: features.map((f) => f.id), upns: features.flatMap((f) => (f.upn === null ? [] : [f.upn])) });
  return { ...context, plan: { ...(context.plan ?? emptyPlanContext()), observed: observedByIdentity(rows), observedDeferred: false } };
}

/**
 * runAnalysis for the analyze command: the same identities, verdicts and order, with the per-identity work shared
 * between this thread and `workers` worker threads as the feature rows stream from the store.
 */
export async function analyseStore(store: Store, options: AnalysisOptions, workers: number, make: { report?: boolean; plans?: boolean } = {}): Promise<AnalysedTenant> {
  const start = await startAnalysis(store, options);
  // The feature rows' query starts now, on this connection, while the context (the automation, the plan's other
  // inputs, what-if) is read on another: DuckDB runs both at once (0.14 s of 2 s at 1 M sign-ins was one waiting on
  // the other).
  const rows = identityFeatureRows(store, start.asOf);
  const firstChunk = rows.next();
  // Handled here as well as where it is awaited: a failing query must not be an unhandled rejection meanwhile.
  firstChunk.catch(() => undefined);
  let prepared: PreparedAnalysis;
  try {
    const beside = await store.beside();
    try {
      // The observed actions matter only to the plans of the identities to migrate (100 of 5,250 at 1 M sign-ins), yet
      // reading every user's took DuckDB's threads from the feature rows' query (0.17 s of 1.9 s at 1 M) and the
      // context's time (0.6 s at 10 M): the plans that need them wait, and theirs alone are read at the end.
      prepared = await analysisContext(beside, start, options, { observed: false });
    } finally {
      beside.close();
    }
  } catch (error) {
    await firstChunk.catch(() => null);
    await rows.return(undefined);
    throw error;
  }
  const { head, context, whatIf } = prepared;
  const analyser = new IdentityAnalyser(context, workers, { expectedRows: context.tenant.directoryObjects, report: make.report === true, plans: make.plans === true });
  try {
    for (let chunk = await firstChunk; chunk.done !== true; chunk = await rows.next()) analyser.add(chunk.value);
    const analysed = await analyser.finish();
    const { entries, detailChunks } = analysed.deferred.length === 0 ? analysed : analyser.analyseDeferred(analysed, await withObserved(store, context, analysed.deferred));
    const identities = sortByOrderKey(entries, (entry) => entry);
    const tenant: AnalysedTenant = { ...head, identities, detailChunks, summary: summarise(identities), threads: analyser.stats, governance: context.governance };
    if (whatIf) tenant.whatIf = whatIfReport(whatIf, identities.map((entry) => whatIfIdentityOf(entry, entry.appId ?? null)), context.automation);
    return tenant;
  } finally {
    await rows.return(undefined);
    analyser.close();
  }
}

/**
 * `analyze --format json` as the list of its parts: the frame and, between separators, each entry's UTF-8 bytes (views
 * into the chunks' buffers, 100 MB at 52,500 identities, never copied into one). Together, byte for byte,
 * analysisJson(runAnalysis(…)) for the same store and options.
 */
export function analysedTenantJsonParts(tenant: AnalysedTenant): Uint8Array[] {
  const frame = analysisJsonFrame(tenant, tenant.identities.length);
  const separator = Buffer.from(frame.separator);
  const parts: Uint8Array[] = [Buffer.from(frame.open)];
  tenant.identities.forEach((entry, index) => {
    if (index > 0) parts.push(separator);
    parts.push(entry.json);
  });
  parts.push(Buffer.from(frame.close));
  return parts;
}
