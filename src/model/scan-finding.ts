export type AuthMethod =
  | 'user-password'
  | 'user-interactive'
  | 'ambient'
  | 'service-connection'
  | 'workload-secret'
  | 'workload-certificate'
  | 'managed-identity'
  | 'workload-federation';

export type MfaImpact = 'breaks' | 'needs-human' | 'depends' | 'safe';

export type IdentityRefKind = 'upn' | 'client-id' | 'secret-ref' | 'env-var' | 'connection';

export interface IdentityRef {
  kind: IdentityRefKind;
  /** A UPN, client ID, or the *name* of a secret/variable/connection. Never a secret's value. */
  value: string;
}

/** One place in code that signs in to Azure (the `scan --format json` contract, one element). */
export interface ScanFinding {
  /** Relative to the scan root, forward slashes. */
  file: string;
  line: number;
  column: number;
  ecosystem: string;
  authMethod: AuthMethod;
  mfaImpact: MfaImpact;
  identity: IdentityRef | null;
  /** 'detector/rule-id' */
  rule: string;
  message: string;
  fix: string;
  /**
   * Additive (optional). On an ambient step resolved to a login in the same file: that login's line and method
   * (the finding then carries its method, impact and identity). Never a secret's value.
   */
  resolvedFrom?: ResolvedFrom;
}

export interface ResolvedFrom {
  line: number;
  authMethod: AuthMethod;
}

export const MFA_IMPACT_OF: Readonly<Record<AuthMethod, MfaImpact>> = {
  'user-password': 'breaks',
  'user-interactive': 'needs-human',
  ambient: 'depends',
  'service-connection': 'safe',
  'workload-secret': 'safe',
  'workload-certificate': 'safe',
  'managed-identity': 'safe',
  'workload-federation': 'safe',
};
