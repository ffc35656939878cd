import { identityFeaturesSchema, tenantFeaturesSchema, type IdentityFeatures, type TenantFeatures } from './identity-features.js';

/** The features of an identity about which nothing was observed: the base that engine tests build on. */
export function blankFeatures(id: string, kind: IdentityFeatures['kind'], overrides: Partial<IdentityFeatures> = {}): IdentityFeatures {
  const zero = {
    id, kind, inDirectory: false, registrationKnown: false, caPoliciesExcluding: 0,
    signIns: 0, interactive: 0, nonInteractive: 0, servicePrincipalSignIns: 0, managedIdentitySignIns: 0, successes: 0, mfaSuccesses: 0,
    singleFactorSuccesses: 0, ropc: 0, deviceCode: 0, guestFromHomeTenant: 0, hourOfWeek: new Array<number>(168).fill(0),
    activeDays: 0, activeHours: 0, hoursOfDay: 0, distinctIps: 0, distinctAsns: 0, distinctCountries: 0, azureAsnSignIns: 0,
    cloudAsnSignIns: 0, privateIpSignIns: 0, portalSuccessMfa: 0, portalSuccessNoMfa: 0, armSuccessMfa: 0, armSuccessNoMfa: 0,
    armRopcSuccess: 0, scopeMfaFailures: 0, portalMfaFailures: 0, otherMfaFailures: 0, writes: 0, deletes: 0, actions: 0,
    opsMfa: 0, opsNoMfa: 0, opsMfaUnknown: 0, policyDenied: 0, policyAudits: 0, trustedLocationIps: 0,
    sessionMfaSuccesses: 0, portalSuccessSessionMfa: 0, armSuccessSessionMfa: 0, portalSuccessSessionSingle: 0, armSuccessSessionSingle: 0,
    portalSuccessUntraced: 0, armSuccessUntraced: 0, untracedWithoutSession: 0,
  };
  return { ...identityFeaturesSchema.parse(zero), ...overrides };
}

export function blankTenant(overrides: Partial<TenantFeatures> = {}): TenantFeatures {
  const zero = { signIns: 0, operations: 0, directoryObjects: 0, registrationDetails: 0, enabledCaPolicies: 0, roleAssignments: 0 };
  return { ...tenantFeaturesSchema.parse(zero), ...overrides };
}
