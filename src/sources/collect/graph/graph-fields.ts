/**
 * The properties `collect` asks Graph for ($select): smaller pages and cheaper requests. Each list holds what the
 * importers' normalisers read, plus what links a token refresh to its session (sessionId, correlationId,
 * uniqueTokenIdentifier, originalTransferMethod) and the device and risk fields, kept in the stored raw record for the
 * store's session-aware columns. Only documented properties: Graph refuses a $select naming one it does not have
 * (the beta signIn has no tenantId; the normaliser falls back to resourceTenantId).
 */
export const SIGN_IN_SELECT: readonly string[] = [
  'id', 'createdDateTime', 'userId', 'userPrincipalName', 'userDisplayName', 'userType', 'appId', 'appDisplayName', 'resourceId',
  'resourceDisplayName', 'servicePrincipalId', 'servicePrincipalName', 'ipAddress', 'autonomousSystemNumber', 'location', 'clientAppUsed',
  'userAgent', 'isInteractive', 'signInEventTypes', 'authenticationRequirement', 'authenticationProtocol', 'authenticationDetails',
  'conditionalAccessStatus', 'appliedConditionalAccessPolicies', 'status', 'clientCredentialType', 'federatedCredentialId',
  'managedServiceIdentity', 'crossTenantAccessType', 'homeTenantId', 'resourceTenantId', 'incomingTokenType', 'originalTransferMethod',
  'correlationId', 'uniqueTokenIdentifier', 'sessionId', 'originalRequestId', 'deviceDetail', 'riskLevelDuringSignIn', 'riskState',
  'servicePrincipalCredentialKeyId', 'servicePrincipalCredentialThumbprint',
];

/** Users through delta: signInActivity cannot be asked of a delta query, so it comes from a second listing. */
export const USER_SELECT: readonly string[] = [
  'id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'userType', 'accountEnabled', 'createdDateTime', 'passwordPolicies',
  'onPremisesSyncEnabled', 'assignedLicenses', 'jobTitle', 'department',
];

export const USER_ACTIVITY_SELECT: readonly string[] = ['id', 'signInActivity'];

/**
 * The manager comes with the activity listing: a relationship, which a delta query reports only as `manager@delta`
 * changes; a listing gives it as the object the importer reads (`manager.id`), refreshed each run.
 */
export const USER_MANAGER_EXPAND = 'manager($select=id)';

export const SERVICE_PRINCIPAL_SELECT: readonly string[] = [
  'id', 'appId', 'displayName', 'servicePrincipalType', 'appOwnerOrganizationId', 'accountEnabled', 'createdDateTime', 'alternativeNames',
  'servicePrincipalNames', 'signInAudience', 'tags', 'passwordCredentials', 'keyCredentials',
];

export const APPLICATION_SELECT: readonly string[] = [
  'id', 'appId', 'displayName', 'createdDateTime', 'signInAudience', 'isFallbackPublicClient', 'passwordCredentials', 'keyCredentials',
];

export const OWNER_SELECT: readonly string[] = ['id', 'userPrincipalName', 'displayName', 'appId'];

/** Graph's header to get enum members added after v1 (incomingTokenType refreshToken, authenticationProtocol nativeAuth…). */
export const GRAPH_HEADERS: Readonly<Record<string, string>> = { prefer: 'include-unknown-enum-members' };
