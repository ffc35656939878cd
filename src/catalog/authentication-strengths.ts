import { z } from 'zod';
import { authenticationMethodEntrySchema, authenticationStrengthEntrySchema } from './schema.js';
import { SOURCES } from './sources.js';

/**
 * Conditional Access authentication strengths: the three built-in ones by their allowed combinations of
 * authentication method modes, and which combinations a sign-in's MFA step may stand for. A policy can also name a
 * custom strength inline (grantControls.authenticationStrength.allowedCombinations); the evaluator reads those from
 * the policy.
 */
export const BUILT_IN_AUTHENTICATION_STRENGTHS = z.array(authenticationStrengthEntrySchema).parse([
  {
    id: '00000000-0000-0000-0000-000000000002',
    name: 'Multifactor authentication',
    allowedCombinations: [
      'windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush', 'temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse',
      'password,microsoftAuthenticatorPush', 'password,softwareOath', 'password,hardwareOath', 'password,sms', 'password,voice', 'federatedMultiFactor',
      'microsoftAuthenticatorPush,federatedSingleFactor', 'softwareOath,federatedSingleFactor', 'hardwareOath,federatedSingleFactor',
      'sms,federatedSingleFactor', 'voice,federatedSingleFactor',
    ],
    source: SOURCES.authenticationStrengths,
  },
  {
    id: '00000000-0000-0000-0000-000000000003',
    name: 'Passwordless MFA',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
    source: SOURCES.authenticationStrengths,
  },
  {
    id: '00000000-0000-0000-0000-000000000004',
    name: 'Phishing-resistant MFA',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
    source: SOURCES.authenticationStrengths,
  },
]);

/**
 * The MFA step's method as the sign-in logs name it (lower-cased) → the combinations it may have completed. A second
 * factor follows a password or a federated first factor, which the step does not say: both are listed, and a
 * strength decides the sign-in only when it allows all of them or none. A method not listed here (or MFA carried as a
 * claim in the token) leaves the strength unknown.
 */
export const AUTHENTICATION_METHOD_COMBINATIONS = z.array(authenticationMethodEntrySchema).parse([
  { method: 'mobile app notification', combinations: ['password,microsoftAuthenticatorPush', 'microsoftAuthenticatorPush,federatedSingleFactor'], source: SOURCES.authenticationMethodModes },
  { method: 'oath verification code', combinations: ['password,softwareOath', 'password,hardwareOath', 'softwareOath,federatedSingleFactor', 'hardwareOath,federatedSingleFactor'], source: SOURCES.authenticationMethodModes },
  { method: 'text message', combinations: ['password,sms', 'sms,federatedSingleFactor'], source: SOURCES.authenticationMethodModes },
  { method: 'phone call', combinations: ['password,voice', 'voice,federatedSingleFactor'], source: SOURCES.authenticationMethodModes },
  { method: 'fido2 security key', combinations: ['fido2'], source: SOURCES.authenticationMethodModes },
  { method: 'passkey (device-bound)', combinations: ['fido2'], source: SOURCES.authenticationMethodModes },
  { method: 'passkey (microsoft authenticator)', combinations: ['fido2'], source: SOURCES.authenticationMethodModes },
  { method: 'windows hello for business', combinations: ['windowsHelloForBusiness'], source: SOURCES.authenticationMethodModes },
  { method: 'x.509 certificate', combinations: ['x509CertificateMultiFactor', 'x509CertificateSingleFactor'], source: SOURCES.authenticationMethodModes },
  { method: 'passwordless phone sign-in', combinations: ['deviceBasedPush'], source: SOURCES.authenticationMethodModes },
  { method: 'microsoft authenticator (passwordless)', combinations: ['deviceBasedPush'], source: SOURCES.authenticationMethodModes },
  { method: 'temporary access pass', combinations: ['temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse'], source: SOURCES.authenticationMethodModes },
]);

export function builtInStrength(id: string): z.infer<typeof authenticationStrengthEntrySchema> | null {
  const lower = id.toLowerCase();
  return BUILT_IN_AUTHENTICATION_STRENGTHS.find((entry) => entry.id === lower) ?? null;
}

/** The combinations an MFA step with this method may have completed, or null when the catalog cannot say. */
export function methodCombinations(method: string | null): readonly string[] | null {
  if (method === null) return null;
  const lower = method.trim().toLowerCase();
  return AUTHENTICATION_METHOD_COMBINATIONS.find((entry) => entry.method === lower)?.combinations ?? null;
}
