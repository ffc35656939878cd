import { identityFeaturesSchema, type IdentityFeatures } from '../identity-features.js';

/**
 * The feature schema as KQL: one entry per field of IdentityFeatures (the compiler refuses a field without one), saying
 * where Kusto computes it:
 * - 'sign-ins': an aggregate over the normalised sign-in rows of a principal (sign-in-rows-kql.ts, the flags of
 *   feature-query.ts: ok, mfa, portal, arm, mfa_error, protocol, guest, private, ua_family);
 * - 'latest': a value of the principal's latest sign-in matching a condition;
 * - 'timing': from the principal's distinct active hours (active days, gaps and their median, CV, regular share);
 * - 'hour-of-week': the 168 counts, Monday 00:00 UTC first;
 * - 'list': counts by a dimension, sorted most first then by key when read back, cut to `limit`;
 * - 'activity': an aggregate over the principal's AzureActivity rows (the flags counted, change, denied, is_audit…);
 * - 'identity': who the row is (from the sign-ins and the Activity log);
 * - 'local': not in the five tables (the directory, its registration details, roles, Conditional Access, named
 *   locations, successors, the audit log): filled from what `collect` read from Graph into the store, by the same SQL;
 * - 'not-in-kql': not computed by the pushdown (`why` says what is lost); the field keeps its blank value.
 * Adding a feature field is one entry here for the KQL side; tests check the hand-computed tenant gives the same row
 * by both roads.
 */
export type ListDim = 'app' | 'resource' | 'failure' | 'asn' | 'country' | 'user-agent' | 'arm-no-mfa-app' | 'ops-no-mfa-name';

export type KqlFeature =
  | { stage: 'sign-ins'; kql: string }
  | { stage: 'latest'; where: string; value: string }
  | { stage: 'timing' }
  | { stage: 'hour-of-week' }
  | { stage: 'list'; dim: ListDim; limit: number | null }
  | { stage: 'activity'; kql: string }
  | { stage: 'identity' }
  | { stage: 'local'; from: string }
  | { stage: 'not-in-kql'; why: string };

const local = (from: string): KqlFeature => ({ stage: 'local', from });
const signIns = (kql: string): KqlFeature => ({ stage: 'sign-ins', kql });
const activity = (kql: string): KqlFeature => ({ stage: 'activity', kql });
const list = (dim: ListDim, limit: number | null = null): KqlFeature => ({ stage: 'list', dim, limit });

/** The in-scope flags of a sign-in row: portal (phase 1) or ARM (phase 2). */
const SCOPE = '(portal or arm)';

/** A success with no MFA whose basis is known: an untraced one (a token of a session begun before the data) is neither. */
const NO_MFA = "ok and not(mfa) and basis != 'untraced'";

/** The session examples only name a session in the reasons; the counts the verdict rests on are computed. */
const EXAMPLE_ONLY = 'an example session named in the reasons (evidence text only; the session counts are computed)';

export const KQL_FEATURES: { readonly [K in keyof IdentityFeatures]: KqlFeature } = {
  id: { stage: 'identity' },
  kind: { stage: 'identity' },
  inDirectory: local('identities'),
  upn: { stage: 'identity' },
  displayName: { stage: 'identity' },
  userType: { stage: 'identity' },
  accountEnabled: local('identities'),
  createdAt: local('identities'),
  passwordNeverExpires: local('identities'),
  onPremisesSyncEnabled: local('identities'),
  licenseCount: local('identities'),
  appId: { stage: 'identity' },
  servicePrincipalType: local('identities'),
  directoryLastSignIn: local('identities (signInActivity)'),
  disabledAt: local('audit_events (directory audits)'),
  jobTitle: local('identities'),
  department: local('identities'),
  managerId: local('identities'),
  registrationKnown: local('registration_details'),
  mfaRegistered: local('registration_details'),
  methodsRegistered: local('registration_details'),
  directoryRoleIds: local('role_assignments'),
  caPoliciesExcluding: local('conditional_access_policies and group_members'),
  signIns: signIns('count()'),
  interactive: signIns("countif(sign_in_kind == 'interactiveUser')"),
  nonInteractive: signIns("countif(sign_in_kind == 'nonInteractiveUser')"),
  servicePrincipalSignIns: signIns("countif(sign_in_kind == 'servicePrincipal')"),
  managedIdentitySignIns: signIns("countif(sign_in_kind == 'managedIdentity')"),
  successes: signIns('countif(ok)'),
  mfaSuccesses: signIns("countif(ok and mfa and basis != 'session-mfa')"),
  singleFactorSuccesses: signIns('countif(ok and not(mfa))'),
  ropc: signIns("countif(protocol == 'ropc')"),
  deviceCode: signIns("countif(protocol == 'deviceCode')"),
  firstSeen: signIns('min(at)'),
  lastSeen: signIns('max(at)'),
  lastSuccess: signIns('maxif(at, ok)'),
  guestFromHomeTenant: signIns('countif(guest)'),
  hourOfWeek: { stage: 'hour-of-week' },
  activeDays: { stage: 'timing' },
  activeHours: { stage: 'timing' },
  hoursOfDay: { stage: 'timing' },
  gapMedianSeconds: { stage: 'timing' },
  gapCv: { stage: 'timing' },
  regularGapShare: { stage: 'timing' },
  // Exact distinct counts (dcount is an estimate): the length of the set.
  distinctIps: signIns('array_length(make_set_if(ip, ok and isnotempty(ip)))'),
  distinctAsns: signIns('array_length(make_set_if(asn, isnotnull(asn)))'),
  distinctCountries: signIns('array_length(make_set_if(country, isnotempty(country)))'),
  azureAsnSignIns: signIns('countif(asn in (azure_asns))'),
  cloudAsnSignIns: signIns('countif(asn in (cloud_asns))'),
  privateIpSignIns: signIns('countif(private)'),
  asns: list('asn'),
  countries: list('country'),
  userAgents: list('user-agent'),
  apps: list('app', 10),
  resources: list('resource', 10),
  failures: list('failure', 10),
  portalSuccessMfa: signIns('countif(portal and ok and mfa)'),
  portalSuccessNoMfa: signIns(`countif(portal and ${NO_MFA})`),
  portalNoMfaFirst: signIns(`minif(at, portal and ${NO_MFA})`),
  portalNoMfaLast: signIns(`maxif(at, portal and ${NO_MFA})`),
  armSuccessMfa: signIns('countif(arm and ok and mfa)'),
  armSuccessNoMfa: signIns(`countif(arm and ${NO_MFA})`),
  armRopcSuccess: signIns("countif(arm and ok and not(mfa) and protocol == 'ropc')"),
  armNoMfaFirst: signIns(`minif(at, arm and ${NO_MFA})`),
  armNoMfaLast: signIns(`maxif(at, arm and ${NO_MFA})`),
  armNoMfaApps: list('arm-no-mfa-app'),
  scopeMfaFailures: signIns(`countif(${SCOPE} and mfa_error)`),
  portalMfaFailures: signIns('countif(portal and mfa_error)'),
  scopeMfaFailureFirst: signIns(`minif(at, ${SCOPE} and mfa_error)`),
  scopeMfaFailureLast: signIns(`maxif(at, ${SCOPE} and mfa_error)`),
  scopeMfaFailureApp: { stage: 'latest', where: `${SCOPE} and mfa_error`, value: 'coalesce(app_name, app_id)' },
  scopeMfaFailureCodes: signIns(`make_set_if(error_code, ${SCOPE} and mfa_error)`),
  lastScopeMfaSuccess: signIns(`maxif(at, ${SCOPE} and ok and mfa)`),
  otherMfaFailures: signIns(`countif(not(${SCOPE}) and mfa_error)`),
  sessionMfaSuccesses: signIns("countif(ok and basis == 'session-mfa')"),
  portalSuccessSessionMfa: signIns("countif(portal and ok and basis == 'session-mfa')"),
  armSuccessSessionMfa: signIns("countif(arm and ok and basis == 'session-mfa')"),
  portalSuccessSessionSingle: signIns("countif(portal and ok and basis == 'session-single')"),
  armSuccessSessionSingle: signIns("countif(arm and ok and basis == 'session-single')"),
  portalSuccessUntraced: signIns("countif(portal and ok and basis == 'untraced')"),
  armSuccessUntraced: signIns("countif(arm and ok and basis == 'untraced')"),
  scopeUntracedFirst: signIns(`minif(at, ${SCOPE} and ok and basis == 'untraced')`),
  scopeUntracedLast: signIns(`maxif(at, ${SCOPE} and ok and basis == 'untraced')`),
  untracedWithoutSession: signIns("countif(ok and basis == 'untraced' and isempty(session_id))"),
  sessionMfaExample: { stage: 'not-in-kql', why: EXAMPLE_ONLY },
  singleFactorSessionExample: { stage: 'not-in-kql', why: EXAMPLE_ONLY },
  untracedSessionExample: { stage: 'not-in-kql', why: EXAMPLE_ONLY },
  trustedLocationIps: local('named_locations (against the addresses of successful sign-ins, okIps)'),
  trustedLocations: local('named_locations (against the addresses of successful sign-ins, okIps)'),
  writes: activity("countif(counted and op_kind == 'write')"),
  deletes: activity("countif(counted and op_kind == 'delete')"),
  actions: activity("countif(counted and op_kind == 'action')"),
  opsMfa: activity('countif(counted and change and mfa == true)'),
  opsNoMfa: activity('countif(counted and change and mfa == false)'),
  opsMfaUnknown: activity('countif(counted and change and isnull(mfa))'),
  opsNoMfaFirst: activity('minif(TimeGenerated, counted and change and mfa == false)'),
  opsNoMfaLast: activity('maxif(TimeGenerated, counted and change and mfa == false)'),
  opsNoMfaNames: list('ops-no-mfa-name', 5),
  lastOperation: activity('maxif(TimeGenerated, counted)'),
  policyDenied: activity('countif(denied)'),
  policyDeniedFirst: activity('minif(TimeGenerated, denied)'),
  policyDeniedLast: activity('maxif(TimeGenerated, denied)'),
  policyDeniedDefinitions: activity('make_set_if(policy_ids, denied and isnotempty(policy_ids))'),
  policyAudits: activity('countif(is_audit and mfa_policy)'),
  policyAuditFirst: activity('minif(TimeGenerated, is_audit and mfa_policy)'),
  policyAuditLast: activity('maxif(TimeGenerated, is_audit and mfa_policy)'),
  successor: local('identities and the addresses of successful sign-ins (okIps)'),
};

function isFeatureKey(key: string): key is keyof IdentityFeatures {
  return key in KQL_FEATURES;
}

/** Every field, in the schema's order. */
export const FEATURE_KEYS: readonly (keyof IdentityFeatures)[] = Object.keys(identityFeaturesSchema.shape).filter(isFeatureKey);

/** The fields of a stage, in the schema's order. */
export function fieldsOf(stage: KqlFeature['stage']): (keyof IdentityFeatures)[] {
  return FEATURE_KEYS.filter((key) => KQL_FEATURES[key].stage === stage);
}
