import { AUTHENTICATION_FACTS } from '../catalog/authentication-facts.js';
import { sqlString } from './sql-literal.js';

/**
 * How a sign-in's MFA is known, in SQL: from its own record (a strong step, the MFA requirement met, the MFA claim in the
 * token), or from its session (reference/data-formats.md, "Sessions"): a token refresh is logged single-factor when no
 * policy asked for MFA again, yet its token carries the session's MFA claim, which is what mandatory MFA checks.
 * One definition, read by the normaliser (one record), the import (a batch against the stored sessions), the rollups
 * and the migrations (every stored sign-in), so that a sign-in resolves the same whichever road computed it.
 */

const FIRST_FACTORS = `[${AUTHENTICATION_FACTS.firstFactorMethods.map((method) => sqlString(method.toLowerCase())).join(', ')}]`;

function mfaTexts(column: string): string {
  return AUTHENTICATION_FACTS.mfaSatisfiedTexts.map((text) => `contains(lower(coalesce(${column}, '')), ${sqlString(text.toLowerCase())})`).join(' OR ');
}

/** How mfa_method names MFA carried by a claim in the token. */
export const MFA_CLAIM_METHOD = 'MFA claim in the token';

/**
 * Whether the record shows a credential presented on this request: a succeeded step with a real method (a password, a
 * key, an app notification…; "Previously satisfied" is a claim from an earlier sign-in, not a credential), or a
 * password grant (ROPC). A sign-in that presents one and does not satisfy MFA is single-factor by its own record; one
 * that presents none rides a token, and only its session can say what that token carries.
 * `steps`: a list of {method, succeeded, …}; `protocol`: the camelCase authenticationProtocol.
 */
export function credentialSql(steps: string, protocol: string): string {
  return `(coalesce(${protocol}, '') = 'ropc' OR len(list_filter(coalesce(${steps}, []), lambda s: s.succeeded AND s.method IS NOT NULL AND lower(s.method) <> ${sqlString(AUTHENTICATION_FACTS.claimMethod.toLowerCase())})) > 0)`;
}

/**
 * The method that satisfied MFA on this record, for evidence a person can check: the first succeeded step whose method
 * is more than a first factor, else the claim in the token when the record says so; null when the record shows none.
 */
export function mfaMethodSql(steps: string, additionalDetails: string): string {
  return `coalesce(
    list_filter(coalesce(${steps}, []), lambda s: s.succeeded AND s.method IS NOT NULL AND NOT list_contains(${FIRST_FACTORS}, lower(s.method)))[1].method,
    CASE WHEN ${mfaTexts(additionalDetails)} OR len(list_filter(coalesce(${steps}, []), lambda s: s.succeeded AND (${mfaTexts('s.resultDetail')}))) > 0
      THEN ${sqlString(MFA_CLAIM_METHOD)} END)`;
}

/** The normalised steps as the store keeps them (JSON text) → the list the two functions above read. */
export function storedStepsSql(column: string): string {
  return `from_json(${column}, '[{"method":"VARCHAR","succeeded":"BOOLEAN","requirement":"VARCHAR","resultDetail":"VARCHAR"}]')`;
}

/**
 * A sign_ins row (columns unqualified) that presented a credential: the stored `credential` (credentialSql), or a
 * password grant, which is one whatever else the row lacks (rows written by something other than the normaliser).
 */
export const CREDENTIAL_SQL = "(credential IS TRUE OR authentication_protocol = 'ropc')";

/** A sign_ins row (columns unqualified) whose own record satisfied MFA. */
export const OWN_MFA_SQL = `(mfa_satisfied IS TRUE OR authentication_requirement = 'multiFactorAuthentication' OR ${mfaTexts('additional_details')})`;

/**
 * mfa_basis, how a successful user sign-in's MFA is known ('own-mfa' | 'session-mfa' | 'own-single' | 'session-single' |
 * 'untraced'; NULL for failures and workload identities):
 * - own-mfa: its own record satisfied MFA;
 * - session-mfa: a successful sign-in of the same user in the same session completed MFA at or before it (`mfaAt`, the
 *   session's first such sign-in, is at or before its time);
 * - own-single: it presented a credential and satisfied no MFA: single-factor by its own record (a password grant, a
 *   password-only prompt);
 * - session-single: it rides a session that began with a credential sign-in (`startAt`) and had no MFA by then;
 * - untraced: it rides a token whose origin is not in the data (no session id, or the session began before the window).
 * `row` is the sign_ins row's alias prefix ('' or 'x.'); `mfaAt` and `startAt` the session's first MFA and first
 * credential sign-in (NULL when none).
 */
export function mfaBasisSql(row: string, mfaAt: string, startAt: string): string {
  const qualify = (sql: string): string => sql.replaceAll(/\b(mfa_satisfied|authentication_requirement|additional_details|credential|authentication_protocol)\b/gu, `${row}$1`);
  const ownMfa = qualify(OWN_MFA_SQL);
  return `CASE
    WHEN ${row}error_code <> 0 OR ${row}kind NOT IN ('interactiveUser', 'nonInteractiveUser') THEN NULL
    WHEN ${ownMfa} THEN 'own-mfa'
    WHEN ${row}session_id IS NOT NULL AND ${mfaAt} <= ${row}created_at THEN 'session-mfa'
    WHEN ${qualify(CREDENTIAL_SQL)} THEN 'own-single'
    WHEN ${row}session_id IS NOT NULL AND ${startAt} <= ${row}created_at THEN 'session-single'
    ELSE 'untraced' END`;
}

/** The principal of a user sign-in (the rollups' pid for users). */
export const USER_PID_SQL = 'coalesce(user_id, lower(upn))';

/**
 * `source` (a SELECT over sign_ins columns) with mfa_basis resolved from the rows of `source` alone: each session's first
 * MFA and first credential sign-in over the whole relation. Used where every sign-in of a session is at hand (a rebuild,
 * a cut-off, a set of sessions being settled again); an import resolves a batch against the stored sessions instead,
 * which comes to the same (`mfaBasisSql` depends only on those two minima).
 */
export function resolvedSignInsSql(source: string): string {
  const session = `PARTITION BY ${USER_PID_SQL}, session_id`;
  return `
SELECT * REPLACE (${mfaBasisSql('', 'mfa_at', 'start_at')} AS mfa_basis) FROM (
  SELECT *,
    min(created_at) FILTER (WHERE error_code = 0 AND ${OWN_MFA_SQL}) OVER (${session}) AS mfa_at,
    min(created_at) FILTER (WHERE error_code = 0 AND ${CREDENTIAL_SQL}) OVER (${session}) AS start_at
  FROM (${source})
)`;
}
