import { SOURCES } from './sources.js';

/**
 * How a sign-in record says MFA was (or was not) satisfied. Read by the importers' normaliser.
 * Source: the signIn resource's authenticationDetails and status.additionalDetails (Graph beta).
 */
export const AUTHENTICATION_FACTS = {
  /**
   * authenticationDetails methods that are a first factor only: a succeeded step with one of these is not MFA.
   * Erring this way is deliberate: calling a password sign-in "MFA" would hide exactly what the tool looks for.
   */
  firstFactorMethods: ['Password', 'Previously satisfied', 'Password Hash Sync', 'Pass-through Authentication', 'Seamless SSO', 'Integrated Windows Authentication', 'Federated', 'Kerberos'],
  /**
   * The method of a step satisfied by a claim in the token rather than by a credential presented now: the session's
   * earlier sign-in did the work ("First factor requirement satisfied by claim in the token", or the MFA one).
   */
  claimMethod: 'Previously satisfied',
  /** status.additionalDetails / step result texts that mean MFA was satisfied (case-insensitive substrings). */
  mfaSatisfiedTexts: ['MFA requirement satisfied by claim in the token', 'satisfied by strong authentication'],
  /** Any status.additionalDetails starting with this counts as MFA in the sign-in rollups (src/store/rollups); the KQL pushdown reads the same. */
  mfaSatisfiedDetail: 'MFA requirement satisfied',
  source: SOURCES.signInSchema,
} as const;
