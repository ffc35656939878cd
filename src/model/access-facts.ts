/**
 * What the what-if evaluator judges: one combination of the facts Conditional Access reads, shared by every sign-in (or
 * Activity-log write) that had them, and the directory around it. The feature queries aggregate sign-ins on these facts
 * first (src/features/access-combinations-sql.ts), so that each distinct combination is judged once, whatever the volume.
 */

/** How a successful user sign-in's MFA is known (docs/sign-ins.md); a failed one's from its own record. */
export type MfaBasis = 'own-mfa' | 'session-mfa' | 'own-single' | 'session-single' | 'untraced';

export type Subject = 'user-sign-in' | 'workload-sign-in' | 'arm-write';

export interface AccessFacts {
  subject: Subject;
  /** The user (object id, else UPN) or the service principal. */
  principalId: string;
  /** A person could have answered a prompt on this request (logged interactive, and not a password grant). */
  interactive: boolean;
  /** 'ropc' (password grant) or 'deviceCode' when the log says so, 'none' when it says neither, null when it does not say. */
  protocol: string | null;
  /** The client (appId) and the resource the token is for (resourceId), when recorded. */
  clientAppId: string | null;
  resourceId: string | null;
  /** clientAppUsed as logged ("Browser", "Mobile Apps and Desktop clients", "IMAP4", …). */
  clientAppUsed: string | null;
  deviceOs: string | null;
  deviceCompliant: boolean | null;
  /** azureAdJoined | hybridAzureAdJoined | azureAdRegistered (normalised by the importer). */
  deviceTrustType: string | null;
  /** Ids of the IP named locations whose ranges hold the sign-in's address; null when no address is recorded or none was looked up. */
  ipLocations: readonly string[] | null;
  /** Two-letter country or region of the address, or null when not recorded. */
  country: string | null;
  signInRisk: string | null;
  /** 'member' | 'guest' as the sign-in records it. */
  userType: string | null;
  crossTenantAccessType: string | null;
  homeTenantId: string | null;
  resourceTenantId: string | null;
  errorCode: number;
  /** For user sign-ins: how MFA is known; for writes, from the token's amr claim (own-mfa, own-single, or null: no claim). */
  mfa: MfaBasis | null;
  /** The method that satisfied MFA (own or of the session it rides), as logged; null when not recorded. */
  mfaMethod: string | null;
}

/** A named location as the store holds it (Graph namedLocation). */
export interface NamedLocationFacts {
  id: string;
  name: string | null;
  kind: 'ip' | 'country';
  trusted: boolean;
  countries: readonly string[];
  includeUnknownCountries: boolean;
  /** 'clientIpAddress' or 'authenticatorAppGps' (the latter is not in any log). */
  lookup: string;
}

/**
 * The directory facts the users, roles and client-application conditions read, limited to what the policies being
 * judged name: the members (transitive) of the groups they name, the holders of the roles they name.
 */
export interface DirectoryFacts {
  tenantId: string | null;
  /** group id → member ids (users, transitively). A group absent here was not imported. */
  groupMembers: ReadonlyMap<string, ReadonlySet<string>>;
  /** role template id → principal ids holding it (directory role assignments). */
  roleHolders: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether any directory role assignment was imported: without them, a role condition cannot be answered. */
  rolesImported: boolean;
  /** user id → userType in the directory ('member' | 'guest'). */
  userTypes: ReadonlyMap<string, string>;
  namedLocations: ReadonlyMap<string, NamedLocationFacts>;
  /** service principal id → the tenant that owns its app (null when not recorded). */
  servicePrincipals: ReadonlyMap<string, { appOwnerTenantId: string | null; type: string | null }>;
}
