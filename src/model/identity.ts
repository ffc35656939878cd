export type IdentityKind = 'user' | 'servicePrincipal' | 'managedIdentity';

/** A directory object that can sign in: users from Graph /users, service principals and managed identities. */
export interface Identity {
  id: string;
  kind: IdentityKind;
  upn: string | null;
  displayName: string | null;
  /** 'member' | 'guest' for users; null otherwise. */
  userType: string | null;
  accountEnabled: boolean | null;
  createdAt: string | null;
  passwordNeverExpires: boolean | null;
  onPremisesSyncEnabled: boolean | null;
  licenseCount: number | null;
  appId: string | null;
  /** 'Application' | 'ManagedIdentity' | 'Legacy' | 'SocialIdp' for service principals. */
  servicePrincipalType: string | null;
  appOwnerTenantId: string | null;
  lastSignIn: string | null;
  lastNonInteractiveSignIn: string | null;
  lastSuccessfulSignIn: string | null;
  tags: string[];
  raw: string;
}

/** userRegistrationDetails: what a user has registered. */
export interface RegistrationDetails {
  userId: string;
  upn: string | null;
  isAdmin: boolean | null;
  isMfaRegistered: boolean | null;
  isMfaCapable: boolean | null;
  isPasswordlessCapable: boolean | null;
  methodsRegistered: string[];
  lastUpdated: string | null;
  raw: string;
}

export type CredentialType = 'password' | 'certificate' | 'federated';

/** A secret, certificate or federated credential of a service principal or application. */
export interface Credential {
  /** ownerId + ':' + keyId (or name for federated credentials). */
  id: string;
  ownerId: string;
  ownerKind: 'servicePrincipal' | 'application';
  /** The appId the owner belongs to, to join applications to service principals. */
  appId: string | null;
  type: CredentialType;
  keyId: string | null;
  displayName: string | null;
  startAt: string | null;
  endAt: string | null;
  issuer: string | null;
  subject: string | null;
  raw: string;
}

export interface RoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  roleName: string | null;
  scope: string;
  /** 'directory' (Entra roles) | 'azure' (ARM RBAC) */
  source: 'directory' | 'azure';
  raw: string;
}

export interface GroupMember {
  groupId: string;
  memberId: string;
  memberType: string | null;
}

export interface ConditionalAccessPolicyRecord {
  id: string;
  displayName: string | null;
  /** 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced' */
  state: string;
  /** The whole Graph conditionalAccessPolicy object, as JSON. */
  raw: string;
}

export interface NamedLocation {
  id: string;
  displayName: string | null;
  raw: string;
}
