import { availableParallelism } from 'node:os';
import { identityFeatureTexts } from '../../features/load-features.js';
import type { AnalysisResult } from '../../model/analysis.js';
import { analysisJsonFrame } from '../../report/json.js';
import type { Store } from '../../store/store.js';
import { sortByOrderKey } from '../identity-order.js';
import { prepareAnalysis, summarise, type AnalysisOptions } from '../run-analysis.js';
import type { GovernancePolicy } from '../govern/governance-policy.js';
import type { AnalysedEntry } from './analysed-entry.js';
import { IdentityAnalyser } from './identity-analyser.js';
import { whatIfReport } from '../whatif/what-if-report.js';

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
 * runAnalysis for the analyze command: the same identities, verdicts and order, with the per-identity work shared
 * between this thread and `workers` worker threads as the feature rows stream from the store.
 */
export async function analyseStore(store: Store, options: AnalysisOptions, workers: number, make: { report?: boolean; plans?: boolean } = {}): Promise<AnalysedTenant> {
  const { head, context, whatIf } = await prepareAnalysis(store, options);
  const analyser = new IdentityAnalyser(context, workers, { expectedRows: context.tenant.directoryObjects, report: make.report === true, plans: make.plans === true });
  try {
    for await (const texts of identityFeatureTexts(store, context.asOf)) analyser.add(texts);
    const { entries, detailChunks } = await analyser.finish();
    const identities = sortByOrderKey(entries, (entry) => entry);
    const tenant: AnalysedTenant = { ...head, identities, detailChunks, summary: summarise(identities), threads: analyser.stats, governance: context.governance };
    if (whatIf) tenant.whatIf = whatIfReport(whatIf, identities.map((entry) => ({ ...entry, appId: entry.appId ?? null, whatIf: entry.whatIf ?? [] })), context.automation);
    return tenant;
  } finally {
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
