import { CA_APP_KEYWORDS, CA_APPS, type CaAppGroup } from '../../../catalog/conditional-access.js';
import { ARM_RESOURCE_ID, FIRST_PARTY_APPS } from '../../../catalog/enforcement.js';
import type { AccessFacts } from '../../../model/access-facts.js';
import { anyOf, allOf, not, unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

const ARM_CLIENTS = new Set(FIRST_PARTY_APPS.filter((app) => app.role === 'arm-client').map((app) => app.id));
const CLIENT_MATCHED = new Set(CA_APPS.filter((app) => app.matchesClient).map((app) => app.id));
const GROUPS: ReadonlySet<string> = new Set(CA_APP_KEYWORDS.groups);

/**
 * The apps a sign-in reaches as Conditional Access sees them: the resource its token is for (an Azure CLI, PowerShell
 * or mobile-app sign-in whose export lacks the resource is taken as ARM, the one resource those clients exist for, as
 * the impact engine does), and the client itself when it is an admin portal (matched on the client: the portal asks
 * for ARM, Graph and its own resource alike).
 */
export function signInTargets(facts: AccessFacts): string[] {
  const targets: string[] = [];
  const resource = facts.resourceId ?? (facts.clientAppId !== null && ARM_CLIENTS.has(facts.clientAppId) ? ARM_RESOURCE_ID : null);
  if (resource !== null) targets.push(resource);
  if (facts.clientAppId !== null && CLIENT_MATCHED.has(facts.clientAppId) && !targets.includes(facts.clientAppId)) targets.push(facts.clientAppId);
  return targets;
}

function inGroup(group: CaAppGroup, target: string): Answer {
  const app = CA_APPS.find((entry) => entry.id === target);
  // An app the catalog does not know may or may not be in the group.
  if (app === undefined) return unknown(`applications.${group}`);
  return app.groups.includes(group) ? 'yes' : 'no';
}

function named(list: readonly string[], targets: readonly string[]): Answer {
  return anyOf(
    list.map((entry) => {
      if (entry === CA_APP_KEYWORDS.all) return 'yes';
      if (GROUPS.has(entry)) return anyOf(targets.map((target) => inGroup(entry === 'Office365' ? 'Office365' : 'MicrosoftAdminPortals', target)));
      return targets.includes(entry.toLowerCase()) ? 'yes' : 'no';
    }),
  );
}

/**
 * Whether the policy's target resources take this sign-in in: included apps (All, Office365, MicrosoftAdminPortals,
 * ids), user actions and authentication contexts, less the excluded apps. A sign-in whose resource is not recorded
 * is unknown unless the policy covers every app.
 */
export function applicationsCondition(policy: CaPolicy, facts: AccessFacts): Answer {
  const apps = policy.conditions.applications;
  const include = apps.includeApplications.filter((entry) => entry !== CA_APP_KEYWORDS.none);
  const targets = signInTargets(facts);
  const answers: Answer[] = [];
  if (include.length > 0) {
    const everything = include.includes(CA_APP_KEYWORDS.all);
    answers.push(targets.length === 0 && !everything ? unknown('applications.resource') : named(include, targets));
  }
  if (apps.includeUserActions.length > 0) {
    // Registering security info or a device is an interactive step the sign-in logs do not name as a target:
    // a token refresh or a password grant is neither, an interactive sign-in may be.
    answers.push(facts.subject === 'user-sign-in' && facts.interactive ? unknown('applications.includeUserActions') : 'no');
  }
  if (apps.includeAuthenticationContextClassReferences.length > 0) answers.push(unknown('applications.includeAuthenticationContextClassReferences'));
  if (apps.applicationFilter !== null) answers.push(unknown('applications.applicationFilter'));
  const included = anyOf(answers);
  if (included === 'no' || apps.excludeApplications.length === 0) return included;
  const excluded = targets.length === 0 ? unknown('applications.resource') : named(apps.excludeApplications, targets);
  return allOf([included, not(excluded)]);
}
