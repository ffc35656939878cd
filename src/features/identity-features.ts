import { z } from 'zod';

/**
 * The feature schema: one row per identity, the same whether DuckDB computed it here or KQL computed it
 * in Log Analytics. Engines read only this. Times are ISO-8601 UTC strings; counts are numbers.
 */

/**
 * Times are ISO-8601 UTC instants to the millisecond, as the feature SQL formats them; another source (KQL results)
 * brings its times to this form before its rows are checked.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;
const time = z.string().regex(ISO_INSTANT);
const maybeTime = time.nullable().default(null);
const count = z.number().int().nonnegative();
const maybeText = z.string().nullable().default(null);
const maybeBool = z.boolean().nullable().default(null);

const countByKeySchema = z.object({ key: z.string(), name: maybeText, count });
const countByCodeSchema = z.object({ code: z.number().int(), count });
const countByAsnSchema = z.object({ asn: z.number().int(), count });
/** Sign-ins per hour of the week, UTC, Monday 00:00 first. */
const hourOfWeekSchema = z.array(count).length(168);
const successorSchema = z.object({ id: z.string(), name: maybeText, firstSeen: time, sharedIp: z.string() });
/** The sign-in that completed MFA for a session whose later sign-ins rode it: what a person checks in the logs. */
const sessionMfaSchema = z.object({ sessionId: z.string(), signInId: z.string(), at: time, app: maybeText, method: maybeText, refreshes: count });
/** A session that began with a single-factor credential sign-in and was refreshed without MFA. */
const singleFactorSessionSchema = z.object({ sessionId: z.string(), startedAt: time, app: maybeText, refreshes: count });
/** A session first seen with a sign-in that rides a token: it began before the data does. */
const untracedSessionSchema = z.object({ sessionId: z.string(), firstSeen: time, signIns: count });

export const identityFeaturesSchema = z.object({
  // --- the directory object (null when the principal was only seen in logs) ---
  id: z.string().min(1),
  kind: z.enum(['user', 'servicePrincipal', 'managedIdentity']),
  inDirectory: z.boolean(),
  upn: maybeText,
  displayName: maybeText,
  /** 'member' | 'guest' (lowercase) | null */
  userType: maybeText,
  accountEnabled: maybeBool,
  createdAt: maybeTime,
  passwordNeverExpires: maybeBool,
  onPremisesSyncEnabled: maybeBool,
  licenseCount: z.number().int().nullable().default(null),
  appId: maybeText,
  servicePrincipalType: maybeText,
  /** Latest of signInActivity's last (interactive, non-interactive) sign-in. */
  directoryLastSignIn: maybeTime,
  /** When the audit log last shows the account disabled ("Disable account", or "Update user" setting AccountEnabled false). */
  disabledAt: maybeTime,
  /** What a person's directory profile has (weak hints of a person): job title, department, manager. */
  jobTitle: maybeText,
  department: maybeText,
  managerId: maybeText,
  // --- authentication methods (userRegistrationDetails) ---
  registrationKnown: z.boolean(),
  mfaRegistered: maybeBool,
  methodsRegistered: z.array(z.string()).default([]),
  // --- roles and Conditional Access ---
  directoryRoleIds: z.array(z.string()).default([]),
  /** Enabled Conditional Access policies that exclude this identity (directly, by group or by role). */
  caPoliciesExcluding: count,
  // --- sign-ins ---
  signIns: count,
  interactive: count,
  nonInteractive: count,
  servicePrincipalSignIns: count,
  managedIdentitySignIns: count,
  successes: count,
  mfaSuccesses: count,
  singleFactorSuccesses: count,
  ropc: count,
  deviceCode: count,
  firstSeen: maybeTime,
  lastSeen: maybeTime,
  lastSuccess: maybeTime,
  guestFromHomeTenant: count,
  // --- timing ---
  /** 168 counts, Monday 00:00 UTC first. */
  hourOfWeek: hourOfWeekSchema,
  activeDays: count,
  activeHours: count,
  hoursOfDay: count,
  /** Gaps between consecutive active hours: median seconds, coefficient of variation, share within 10% of the median. */
  gapMedianSeconds: z.number().nullable().default(null),
  gapCv: z.number().nullable().default(null),
  regularGapShare: z.number().nullable().default(null),
  // --- network ---
  distinctIps: count,
  distinctAsns: count,
  distinctCountries: count,
  azureAsnSignIns: count,
  cloudAsnSignIns: count,
  privateIpSignIns: count,
  asns: z.array(countByAsnSchema).default([]),
  countries: z.array(countByKeySchema).default([]),
  userAgents: z.array(countByKeySchema).default([]),
  apps: z.array(countByKeySchema).default([]),
  resources: z.array(countByKeySchema).default([]),
  failures: z.array(countByCodeSchema).default([]),
  // --- in-scope access (portal = phase 1, ARM resource or ARM client = phase 2) ---
  portalSuccessMfa: count,
  portalSuccessNoMfa: count,
  portalNoMfaFirst: maybeTime,
  portalNoMfaLast: maybeTime,
  armSuccessMfa: count,
  armSuccessNoMfa: count,
  armRopcSuccess: count,
  armNoMfaFirst: maybeTime,
  armNoMfaLast: maybeTime,
  armNoMfaApps: z.array(countByKeySchema).default([]),
  /** Sign-ins to in-scope targets that failed with 50074/50076/50079. */
  scopeMfaFailures: count,
  /** Of those, the ones on the Azure portal (phase 1). */
  portalMfaFailures: count,
  scopeMfaFailureFirst: maybeTime,
  scopeMfaFailureLast: maybeTime,
  scopeMfaFailureApp: maybeText,
  scopeMfaFailureCodes: z.array(z.number().int()).default([]),
  lastScopeMfaSuccess: maybeTime,
  otherMfaFailures: count,
  // --- sessions: MFA a token carries from its session, and what cannot be traced (reference/data-formats.md) ---
  /** Successful sign-ins with no MFA of their own whose session completed MFA at or before them. */
  sessionMfaSuccesses: count,
  /** Of portalSuccessMfa / armSuccessMfa, those carried by their session. */
  portalSuccessSessionMfa: count,
  armSuccessSessionMfa: count,
  /** Of portalSuccessNoMfa / armSuccessNoMfa, refreshes of a session that began with a single-factor credential sign-in. */
  portalSuccessSessionSingle: count,
  armSuccessSessionSingle: count,
  /** In-scope successes riding a token whose origin is not in the data: neither with nor without MFA (not counted in either). */
  portalSuccessUntraced: count,
  armSuccessUntraced: count,
  scopeUntracedFirst: maybeTime,
  scopeUntracedLast: maybeTime,
  /** Untraced successful sign-ins (any app) that carry no session id at all. */
  untracedWithoutSession: count,
  sessionMfaExample: sessionMfaSchema.nullable().default(null),
  singleFactorSessionExample: singleFactorSessionSchema.nullable().default(null),
  untracedSessionExample: untracedSessionSchema.nullable().default(null),
  // --- the tenant's own network: IP named locations marked trusted (Conditional Access) ---
  /** Distinct addresses of successful sign-ins inside the IP ranges of a trusted named location. */
  trustedLocationIps: count,
  /** Those locations' names, alphabetically, at most 5. */
  trustedLocations: z.array(z.string()).default([]),
  // --- Activity log ---
  writes: count,
  deletes: count,
  actions: count,
  opsMfa: count,
  opsNoMfa: count,
  opsMfaUnknown: count,
  opsNoMfaFirst: maybeTime,
  opsNoMfaLast: maybeTime,
  opsNoMfaNames: z.array(countByKeySchema).default([]),
  lastOperation: maybeTime,
  policyDenied: count,
  policyDeniedFirst: maybeTime,
  policyDeniedLast: maybeTime,
  policyDeniedDefinitions: z.array(z.string()).default([]),
  policyAudits: count,
  policyAuditFirst: maybeTime,
  policyAuditLast: maybeTime,
  // --- migration ---
  successor: successorSchema.nullable().default(null),
});

export type IdentityFeatures = z.infer<typeof identityFeaturesSchema>;

function timeFields(shape: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  return new Set(Object.entries(shape).filter(([, field]) => field === maybeTime).map(([key]) => key));
}

/** The fields holding times: the SQL formats them as ISO instants. */
export const IDENTITY_TIME_FIELDS = timeFields(identityFeaturesSchema.shape);
export type CountByKey = z.infer<typeof countByKeySchema>;

/**
 * A part of the data `collect` could not read to the end (collect_checkpoints), summed up per kind of data: how many
 * scopes (sign-in windows, subscription windows) and the most common reason. Verdicts rest on sign-ins and the Activity
 * log, so a gap in either makes the identities it touches unknown rather than judged on half the data.
 */
const dataGapSchema = z.object({ affects: z.enum(['sign-ins', 'activity-log']), scopes: count, reason: z.string() });
export type DataGap = z.infer<typeof dataGapSchema>;

/** Facts about the whole data set that every verdict depends on. */
export const tenantFeaturesSchema = z.object({
  tenantId: maybeText,
  newestRecord: maybeTime,
  oldestSignIn: maybeTime,
  newestSignIn: maybeTime,
  signIns: count,
  operations: count,
  directoryObjects: count,
  registrationDetails: count,
  enabledCaPolicies: count,
  roleAssignments: count,
  // --- from `collect` (collection-facts.ts), not from the tenant SQL ---
  dataGaps: z.array(dataGapSchema).default([]),
  /** The Phase 1 (portal) enforcement date the tenant set (ARM portal settings), YYYY-MM-DD. */
  portalEnforcementDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).nullable().default(null),
});

/** The tenant facts read apart from the tenant SQL. */
export const COLLECTION_FACT_KEYS: ReadonlySet<string> = new Set(['dataGaps', 'portalEnforcementDate']);

export type TenantFeatures = z.infer<typeof tenantFeaturesSchema>;

export const TENANT_TIME_FIELDS = timeFields(tenantFeaturesSchema.shape);
