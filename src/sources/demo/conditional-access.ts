/**
 * The demo tenant's Conditional Access policies (Graph conditionalAccessPolicy objects) and how each applies
 * to a sign-in (appliedConditionalAccessPolicies). Both break-glass accounts are excluded from every policy.
 */
import { DIRECTORY_ROLES } from '../../catalog/directory-roles.js';
import { RESOURCE_APPS } from './apps.js';
import type { DemoDirectory, DemoUser } from './directory.js';
import { createRng } from './prng.js';
import { dayStart, graphTimestamp } from './timeline.js';

export type PolicyKey = 'adminMfa' | 'blockLegacy' | 'compliantReportOnly' | 'deployersMfa';

export interface DemoPolicy {
  key: PolicyKey;
  id: string;
  displayName: string;
  state: 'enabled' | 'enabledForReportingButNotEnforced';
  grant: string[];
  createdAt: number;
}

export interface AppliedPolicy {
  id: string;
  displayName: string;
  enforcedGrantControls: string[];
  enforcedSessionControls: string[];
  result: string;
  conditionsSatisfied: number;
  conditionsNotSatisfied: number;
}

/** Day of the window on which the deployers policy was switched on: svc-deploy-legacy fails with 50076 from then. */
export const DEPLOYERS_POLICY_DAY = 20;

const ADMIN_ROLE_NAMES = ['Global Administrator', 'Privileged Role Administrator', 'Security Administrator', 'User Administrator', 'Application Administrator', 'Cloud Application Administrator', 'Helpdesk Administrator', 'Billing Administrator', 'Global Reader'];
const ADMIN_ROLE_IDS = DIRECTORY_ROLES.filter((role) => ADMIN_ROLE_NAMES.includes(role.name)).map((role) => role.id);

export function demoPolicies(directory: DemoDirectory): DemoPolicy[] {
  const rng = createRng(directory.seed, 'conditional-access');
  return [
    { key: 'adminMfa', id: rng.uuid(), displayName: 'CA001: Require multifactor authentication for admins', state: 'enabled', grant: ['mfa'], createdAt: dayStart(-400) },
    { key: 'blockLegacy', id: rng.uuid(), displayName: 'CA002: Block legacy authentication', state: 'enabled', grant: ['block'], createdAt: dayStart(-380) },
    { key: 'compliantReportOnly', id: rng.uuid(), displayName: 'CA003: Require compliant device (report-only)', state: 'enabledForReportingButNotEnforced', grant: ['compliantDevice'], createdAt: dayStart(-30) },
    { key: 'deployersMfa', id: rng.uuid(), displayName: 'CA004: Require MFA for production deployment accounts', state: 'enabled', grant: ['mfa'], createdAt: dayStart(DEPLOYERS_POLICY_DAY) - 3_600_000 },
  ];
}

function breakGlassIds(directory: DemoDirectory): string[] {
  return directory.users.filter((user) => user.scenario === 'break-glass-fido2' || user.scenario === 'break-glass-password').map((user) => user.id);
}

function deployerIds(directory: DemoDirectory): string[] {
  return directory.users.filter((user) => user.scenario === 'svc-deploy-legacy').map((user) => user.id);
}

/** The Graph representation of each policy. */
export function policyObjects(directory: DemoDirectory, policies: readonly DemoPolicy[]): Record<string, unknown>[] {
  const excluded = breakGlassIds(directory);
  return policies.map((policy) => {
    const users =
      policy.key === 'adminMfa'
        ? { includeUsers: [], excludeUsers: excluded, includeGroups: [], excludeGroups: [], includeRoles: ADMIN_ROLE_IDS, excludeRoles: [], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null }
        : policy.key === 'deployersMfa'
          ? { includeUsers: deployerIds(directory), excludeUsers: excluded, includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null }
          : { includeUsers: ['All'], excludeUsers: excluded, includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null };
    return {
      id: policy.id,
      templateId: null,
      displayName: policy.displayName,
      createdDateTime: graphTimestamp(policy.createdAt),
      modifiedDateTime: graphTimestamp(policy.createdAt + 86_400_000),
      state: policy.state,
      sessionControls: null,
      conditions: {
        userRiskLevels: [],
        signInRiskLevels: [],
        clientAppTypes: policy.key === 'blockLegacy' ? ['exchangeActiveSync', 'other'] : ['all'],
        platforms: null,
        locations: null,
        devices: null,
        clientApplications: null,
        applications: {
          includeApplications: policy.key === 'deployersMfa' ? [RESOURCE_APPS.arm.id] : ['All'],
          excludeApplications: [],
          includeUserActions: [],
          includeAuthenticationContextClassReferences: [],
          applicationFilter: null,
        },
        users,
      },
      grantControls: { operator: 'OR', builtInControls: policy.grant, customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null },
    };
  });
}

export type SignInOutcome = 'mfa' | 'single' | 'mfa-missing' | 'bad-password';

export interface PolicyContext {
  user: DemoUser;
  resourceId: string;
  at: number;
  outcome: SignInOutcome;
  onCorporateNetwork: boolean;
}

function isBreakGlass(user: DemoUser): boolean {
  return user.scenario === 'break-glass-fido2' || user.scenario === 'break-glass-password';
}

function controlName(grant: string): string {
  if (grant === 'mfa') return 'Mfa';
  if (grant === 'block') return 'Block';
  return 'RequireCompliantDevice';
}

// The result depends on few inputs; records share one array per combination instead of building four objects each.
const applied = new WeakMap<readonly DemoPolicy[], Map<string, AppliedPolicy[]>>();

/** How each policy applied to one user sign-in, as Entra writes it (ints for the condition counters). */
export function applyPolicies(policies: readonly DemoPolicy[], context: PolicyContext): AppliedPolicy[] {
  let cache = applied.get(policies);
  if (!cache) {
    cache = new Map();
    applied.set(policies, cache);
  }
  const started = policies.map((policy) => (context.at >= policy.createdAt ? '1' : '0')).join('');
  const key = `${context.user.id}|${context.resourceId}|${context.outcome}|${context.onCorporateNetwork}|${started}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = evaluatePolicies(policies, context);
  cache.set(key, result);
  return result;
}

function evaluatePolicies(policies: readonly DemoPolicy[], context: PolicyContext): AppliedPolicy[] {
  const excluded = isBreakGlass(context.user);
  // A policy created later than the sign-in is not in its list at all.
  const existing = policies.filter((policy) => context.at >= policy.createdAt);
  return existing.map((policy) => {
    let result = 'notApplied';
    let satisfied = 0;
    let notSatisfied = 0;
    let controls: string[] = [];
    if (excluded) {
      result = policy.state === 'enabled' ? 'notApplied' : 'reportOnlyNotApplied';
      notSatisfied = 1;
    } else if (policy.key === 'adminMfa') {
      const admin = context.user.roles.some((role) => ADMIN_ROLE_IDS.includes(role));
      if (admin && context.outcome !== 'bad-password') {
        result = context.outcome === 'mfa' ? 'success' : 'failure';
        satisfied = 3;
        controls = ['Mfa'];
      } else notSatisfied = 1;
    } else if (policy.key === 'deployersMfa') {
      const applies = context.user.scenario === 'svc-deploy-legacy' && context.resourceId === RESOURCE_APPS.arm.id;
      if (applies && context.outcome !== 'bad-password') {
        result = context.outcome === 'mfa' ? 'success' : 'failure';
        satisfied = 3;
        controls = ['Mfa'];
      } else notSatisfied = 1;
    } else if (policy.key === 'blockLegacy') {
      notSatisfied = 4;
    } else if (context.outcome === 'bad-password') {
      // A sign-in that fails at the password never reaches Conditional Access: Entra records every policy not applied.
      result = 'reportOnlyNotApplied';
      notSatisfied = 1;
    } else {
      // Corporate devices (the ones on the office network) are compliant and hybrid joined; the others are not.
      result = context.onCorporateNetwork ? 'reportOnlySuccess' : 'reportOnlyFailure';
      satisfied = 3;
      controls = [controlName(policy.grant[0] ?? 'compliantDevice')];
    }
    return { id: policy.id, displayName: policy.displayName, enforcedGrantControls: controls, enforcedSessionControls: [], result, conditionsSatisfied: satisfied, conditionsNotSatisfied: notSatisfied };
  });
}

/** conditionalAccessStatus from the enforced (not report-only) results. */
export function conditionalAccessStatus(applied: readonly AppliedPolicy[]): string {
  if (applied.some((policy) => policy.result === 'failure')) return 'failure';
  if (applied.some((policy) => policy.result === 'success')) return 'success';
  return 'notApplied';
}
