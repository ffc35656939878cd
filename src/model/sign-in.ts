/** The four kinds of sign-in log, named as Graph beta's signInEventTypes names them. */
export type SignInKind = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity';
export const SIGN_IN_KINDS: readonly SignInKind[] = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'];

/** One authentication step, normalised from authenticationDetails[] or the portal's AuthDetails CSV. */
export interface AuthenticationStep {
  method: string | null;
  succeeded: boolean | null;
  requirement: string | null;
  resultDetail: string | null;
}

/** A conditional access policy as applied to one sign-in. `result` is normalised camelCase. */
export interface AppliedPolicy {
  id: string;
  displayName: string | null;
  result: string | null;
  enforcedGrantControls: string[];
}

/**
 * A sign-in, normalised from whichever format it arrived in. Every importer produces exactly this;
 * the store's `sign_ins` table has one column per field (snake_case), plus the raw record as JSON.
 * Conventions: UPNs lowercase; times ISO-8601 UTC with 'Z'; enums camelCase; GUIDs lowercase; unknown → null.
 */
export interface SignIn {
  id: string;
  kind: SignInKind;
  createdAt: string;
  tenantId: string | null;
  userId: string | null;
  upn: string | null;
  userDisplayName: string | null;
  /** 'member' | 'guest' | null */
  userType: string | null;
  appId: string | null;
  appDisplayName: string | null;
  resourceId: string | null;
  resourceDisplayName: string | null;
  servicePrincipalId: string | null;
  servicePrincipalName: string | null;
  ipAddress: string | null;
  asn: number | null;
  country: string | null;
  city: string | null;
  clientAppUsed: string | null;
  userAgent: string | null;
  isInteractive: boolean;
  /** 'singleFactorAuthentication' | 'multiFactorAuthentication' | null */
  authenticationRequirement: string | null;
  /** 'none' | 'oAuth2' | 'ropc' | 'deviceCode' | 'saml20' | 'wsFederation' | 'authenticationTransfer' | 'nativeAuth' | 'implicitAccessTokenAndGetResponseMode' | … | null */
  authenticationProtocol: string | null;
  /** Did this sign-in satisfy MFA (requirement, a succeeded MFA step, or an MFA claim in the token)? null = unknown. */
  mfaSatisfied: boolean | null;
  authenticationSteps: AuthenticationStep[];
  conditionalAccessStatus: string | null;
  appliedPolicies: AppliedPolicy[];
  /** 0 = success. */
  errorCode: number;
  failureReason: string | null;
  additionalDetails: string | null;
  /** 'none' | 'clientSecret' | 'certificate' | 'federatedIdentityCredential' | 'managedIdentity' | null */
  clientCredentialType: string | null;
  federatedCredentialId: string | null;
  /** 'systemAssigned' | 'userAssigned' | null */
  msiType: string | null;
  associatedResourceId: string | null;
  crossTenantAccessType: string | null;
  homeTenantId: string | null;
  resourceTenantId: string | null;
  incomingTokenType: string | null;
  /** The record as it arrived (JSON text). */
  raw: string;
}
