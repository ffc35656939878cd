import { ownerLeads } from '../engines/govern/owner-suggestions.js';
import type { AnalysisResult } from '../model/analysis.js';
import type { StarterEntry } from '../report/init/starter-policy.js';
import { loadForeignApps, loadOwnerEvidence } from '../store/read-model/owner-evidence.js';
import type { Store } from '../store/store.js';

/** The classes init lists for an owner: everything that is not a person. */
const LISTED = new Set(['service-account', 'workload-identity', 'unknown']);

/**
 * What `unattended init` lists: every identity of the analysis that is not a person, with the people the store's
 * evidence points at. Service principals of apps another organisation publishes are counted, not listed: their owner
 * is that organisation.
 */
export async function initEntries(store: Store, analysis: AnalysisResult): Promise<{ entries: StarterEntry[]; foreignApps: number }> {
  const evidence = await loadOwnerEvidence(store);
  const foreign = await loadForeignApps(store, analysis.tenantId);
  const candidates = analysis.identities.filter((identity) => LISTED.has(identity.class));
  const entries = candidates.filter((identity) => !foreign.has(identity.id)).map((identity) => ({ identity, leads: ownerLeads(evidence.get(identity.id) ?? []) }));
  return { entries, foreignApps: candidates.length - entries.length };
}
