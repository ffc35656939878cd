import { IDENTITY_TIME_FIELDS, identityFeaturesSchema } from './identity-features.js';

/**
 * The sign-in block of a feature row: the schema's fields from signIns to otherMfaFailures, in its order, each from a
 * sign-in summary row (`a`: sign_in_summary's columns; NULL for an identity with no sign-ins, when the coalesces give
 * its blank values). One definition for two uses: the summary an import keeps renders the block as JSON text once
 * (signInBlockJsonSql), and a feature row carries that text as it is instead of DuckDB writing its lists, the
 * hour-of-week histogram above all, again on every analyze.
 */
const BLOCK: readonly (readonly [key: string, sql: (a: string) => string])[] = [
  ['signIns', (a) => `coalesce(${a}.sign_ins, 0)`],
  ['interactive', (a) => `coalesce(${a}.interactive, 0)`],
  ['nonInteractive', (a) => `coalesce(${a}.non_interactive, 0)`],
  ['servicePrincipalSignIns', (a) => `coalesce(${a}.sp_sign_ins, 0)`],
  ['managedIdentitySignIns', (a) => `coalesce(${a}.mi_sign_ins, 0)`],
  ['successes', (a) => `coalesce(${a}.successes, 0)`],
  ['mfaSuccesses', (a) => `coalesce(${a}.mfa_successes, 0)`],
  ['singleFactorSuccesses', (a) => `coalesce(${a}.single_factor_successes, 0)`],
  ['ropc', (a) => `coalesce(${a}.ropc, 0)`],
  ['deviceCode', (a) => `coalesce(${a}.device_code, 0)`],
  ['firstSeen', (a) => `${a}.first_seen`],
  ['lastSeen', (a) => `${a}.last_seen`],
  ['lastSuccess', (a) => `${a}.last_success`],
  ['guestFromHomeTenant', (a) => `coalesce(${a}.guest_home, 0)`],
  ['hourOfWeek', (a) => `coalesce(${a}.hour_of_week, list_resize([]::INTEGER[], 168, 0))`],
  ['activeDays', (a) => `coalesce(${a}.active_days, 0)`],
  ['activeHours', (a) => `coalesce(${a}.active_hours, 0)`],
  ['hoursOfDay', (a) => `coalesce(${a}.hours_of_day, 0)`],
  ['gapMedianSeconds', (a) => `${a}.gap_median`],
  ['gapCv', (a) => `${a}.gap_cv`],
  ['regularGapShare', (a) => `${a}.regular_share`],
  ['distinctIps', (a) => `coalesce(${a}.distinct_ips, 0)`],
  ['distinctAsns', (a) => `len(coalesce(${a}.asns, []))::INTEGER`],
  ['distinctCountries', (a) => `len(coalesce(${a}.countries, []))::INTEGER`],
  ['azureAsnSignIns', (a) => `coalesce(${a}.azure_asn, 0)`],
  ['cloudAsnSignIns', (a) => `coalesce(${a}.cloud_asn, 0)`],
  ['privateIpSignIns', (a) => `coalesce(${a}.private_ip, 0)`],
  ['asns', (a) => `coalesce(${a}.asns, [])`],
  ['countries', (a) => `coalesce(${a}.countries, [])`],
  ['userAgents', (a) => `coalesce(${a}.user_agents, [])`],
  ['apps', (a) => `coalesce(${a}.apps[1:10], [])`],
  ['resources', (a) => `coalesce(${a}.resources[1:10], [])`],
  ['failures', (a) => `coalesce(${a}.failures[1:10], [])`],
  ['portalSuccessMfa', (a) => `coalesce(${a}.portal_mfa, 0)`],
  ['portalSuccessNoMfa', (a) => `coalesce(${a}.portal_no_mfa, 0)`],
  ['portalNoMfaFirst', (a) => `${a}.portal_no_mfa_first`],
  ['portalNoMfaLast', (a) => `${a}.portal_no_mfa_last`],
  ['armSuccessMfa', (a) => `coalesce(${a}.arm_mfa, 0)`],
  ['armSuccessNoMfa', (a) => `coalesce(${a}.arm_no_mfa, 0)`],
  ['armRopcSuccess', (a) => `coalesce(${a}.arm_ropc, 0)`],
  ['armNoMfaFirst', (a) => `${a}.arm_no_mfa_first`],
  ['armNoMfaLast', (a) => `${a}.arm_no_mfa_last`],
  ['armNoMfaApps', (a) => `coalesce(${a}.arm_no_mfa_apps, [])`],
  ['scopeMfaFailures', (a) => `coalesce(${a}.scope_mfa_failures, 0)`],
  ['portalMfaFailures', (a) => `coalesce(${a}.portal_mfa_failures, 0)`],
  ['scopeMfaFailureFirst', (a) => `${a}.scope_mfa_failure_first`],
  ['scopeMfaFailureLast', (a) => `${a}.scope_mfa_failure_last`],
  ['scopeMfaFailureApp', (a) => `${a}.scope_mfa_failure_app`],
  ['scopeMfaFailureCodes', (a) => `coalesce(${a}.scope_mfa_failure_codes, [])`],
  ['lastScopeMfaSuccess', (a) => `${a}.last_scope_mfa_success`],
  ['otherMfaFailures', (a) => `coalesce(${a}.other_mfa_failures, 0)`],
  ['sessionMfaSuccesses', (a) => `coalesce(${a}.session_mfa_successes, 0)`],
  ['portalSuccessSessionMfa', (a) => `coalesce(${a}.portal_session_mfa, 0)`],
  ['armSuccessSessionMfa', (a) => `coalesce(${a}.arm_session_mfa, 0)`],
  ['portalSuccessSessionSingle', (a) => `coalesce(${a}.portal_session_single, 0)`],
  ['armSuccessSessionSingle', (a) => `coalesce(${a}.arm_session_single, 0)`],
  ['portalSuccessUntraced', (a) => `coalesce(${a}.portal_untraced, 0)`],
  ['armSuccessUntraced', (a) => `coalesce(${a}.arm_untraced, 0)`],
  ['scopeUntracedFirst', (a) => `${a}.scope_untraced_first`],
  ['scopeUntracedLast', (a) => `${a}.scope_untraced_last`],
  ['untracedWithoutSession', (a) => `greatest(coalesce(${a}.untraced_successes, 0) - coalesce(${a}.untraced_in_sessions, 0), 0)::INTEGER`],
  ['sessionMfaExample', (a) => `${a}.session_mfa_example`],
  ['singleFactorSessionExample', (a) => `${a}.single_session_example`],
  ['untracedSessionExample', (a) => `${a}.untraced_session_example`],
];

export const ISO_INSTANT_FORMAT = '%Y-%m-%dT%H:%M:%S.%gZ';

/** The schema's keys, and where the block sits among them: one run, in the schema's order. */
const SCHEMA_KEYS = Object.keys(identityFeaturesSchema.shape);
export const SIGN_IN_BLOCK_KEYS: readonly string[] = BLOCK.map(([key]) => key);
const FIRST = SCHEMA_KEYS.indexOf(SIGN_IN_BLOCK_KEYS[0] ?? '');
if (FIRST < 0 || SCHEMA_KEYS.slice(FIRST, FIRST + SIGN_IN_BLOCK_KEYS.length).join() !== SIGN_IN_BLOCK_KEYS.join()) {
  throw new Error('the sign-in block is not a run of the feature schema\'s keys in its order');
}

/** A feature value as it goes into JSON: times as ISO instants to the millisecond. */
export function jsonValueSql(key: string, sql: string): string {
  return IDENTITY_TIME_FIELDS.has(key) ? `strftime(${sql}, '${ISO_INSTANT_FORMAT}')` : sql;
}

/** The block of summary row `a` as one JSON list text (`[…]`), its values in the schema's order. */
export function signInBlockJsonSql(a: string): string {
  return `json_array(${BLOCK.map(([key, sql]) => jsonValueSql(key, sql(a))).join(', ')})::VARCHAR`;
}
