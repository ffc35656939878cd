import { accessCombinations } from '../../features/load-access-combinations.js';
import type { AccessNeeds } from '../../features/access-combinations-sql.js';
import { loadCaDirectory, loadStoredPolicies } from '../../features/load-ca-directory.js';
import type { CaPolicy } from '../../model/conditional-access-policy.js';
import type { Store } from '../../store/store.js';
import { WhatIfJudge, type WhatIfTallies } from './judge.js';
import { mandatoryMfaPolicies } from './mandatory-mfa-policies.js';
import type { WhatIfPolicy } from './what-if-policy.js';

/** The access facts the policies read: the combinations are aggregated on these and nothing else. */
export function accessNeeds(policies: readonly CaPolicy[], options: { compare: boolean }): AccessNeeds {
  const needs: AccessNeeds = { clientApp: false, device: false, ipLocations: false, country: false, risk: false, guests: false, mfaMethod: false, workloads: false, applied: options.compare };
  for (const policy of policies) {
    const { conditions, grantControls } = policy;
    if (conditions.clientAppTypes.length > 0 && !conditions.clientAppTypes.includes('all')) needs.clientApp = true;
    if (conditions.platforms !== null || conditions.devices !== null) needs.device = true;
    if (grantControls?.builtInControls.some((control) => control === 'compliantDevice' || control === 'domainJoinedDevice')) needs.device = true;
    if (conditions.locations !== null && [...conditions.locations.include, ...conditions.locations.exclude].some((id) => id !== 'All')) {
      needs.ipLocations = true;
      needs.country = true;
    }
    if (conditions.signInRiskLevels.length + conditions.servicePrincipalRiskLevels.length > 0) needs.risk = true;
    const users = conditions.users;
    if (users && (users.includeGuestsOrExternalUsers || users.excludeGuestsOrExternalUsers || users.includeUsers.includes('GuestsOrExternalUsers') || users.excludeUsers.includes('GuestsOrExternalUsers'))) needs.guests = true;
    if (grantControls?.authenticationStrength) needs.mfaMethod = true;
    if ((conditions.clientApplications?.includeServicePrincipals.length ?? 0) > 0) needs.workloads = true;
  }
  return needs;
}

export interface WhatIfRun {
  proposed: readonly WhatIfPolicy[];
  stored: readonly WhatIfPolicy[];
  tallies: WhatIfTallies;
  /** Stored policies that could not be read, and why. */
  notes: string[];
}

export interface WhatIfRunOptions {
  /** The policies under test, each with the file it came from. */
  proposed: readonly { policy: CaPolicy; file: string }[];
  /** Judge mandatory MFA's phases beside them (the pseudo-policies). */
  mandatory: boolean;
  tenantId: string | null;
}

/**
 * store → access combinations → the what-if judge: each distinct combination of the facts the policies read is
 * judged once against the proposed policies, today's enabled ones and (when asked) mandatory MFA's phases, and compared
 * with the results Entra recorded for the existing ones.
 */
export async function runWhatIf(store: Store, until: string, options: WhatIfRunOptions): Promise<WhatIfRun> {
  const storedRead = await loadStoredPolicies(store);
  const stored: WhatIfPolicy[] = storedRead.policies.map((policy) => ({ policy, enforcedAt: 'sign-in', origin: 'store' }));
  const proposed: WhatIfPolicy[] = options.proposed.map((entry) => ({ policy: entry.policy, enforcedAt: 'sign-in', origin: entry.file }));
  const mandatory = options.mandatory ? mandatoryMfaPolicies() : [];
  const every = [...stored, ...proposed, ...mandatory].map((entry) => entry.policy);
  // analyze --what-if always cross-checks: with no definition at hand the recorded results still name the policies it lacks.
  const needs = accessNeeds(every, { compare: !options.mandatory || stored.length + proposed.length > 0 });
  const directory = await loadCaDirectory(store, every, options.tenantId, { userTypes: needs.guests, servicePrincipals: needs.workloads });
  const judge = new WhatIfJudge({ proposed, stored, mandatory, directory });
  for await (const chunk of accessCombinations(store, until, needs, mandatory.length > 0)) for (const combination of chunk) judge.add(combination);
  return {
    proposed,
    stored,
    tallies: judge.result(),
    notes: storedRead.unreadable.map((entry) => `Stored policy ${entry.id} was not judged: ${entry.reason}.`),
  };
}
