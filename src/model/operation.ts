export type OperationKind = 'create' | 'update' | 'delete' | 'action' | 'read';

/**
 * One Azure Activity-log (Administrative) event: a write, delete or action through ARM,
 * with the claims of the token that made it. Normalised from diagnostic export, REST / az CLI, or AzureActivity.
 */
export interface Operation {
  /** eventDataId when present, else a hash of correlationId + operationName + time + status. */
  id: string;
  time: string;
  subscriptionId: string | null;
  resourceId: string | null;
  /** Lowercase, e.g. 'microsoft.web/sites/write'. */
  operationName: string;
  kind: OperationKind;
  /** Lowercase status: 'succeeded' | 'failed' | 'started' | 'accepted' | … */
  status: string | null;
  subStatus: string | null;
  statusCode: string | null;
  /** Caller as the log gives it: a UPN for users, an object ID for apps. */
  caller: string | null;
  callerObjectId: string | null;
  callerAppId: string | null;
  callerUpn: string | null;
  /** 'app' for app-only tokens, 'user' otherwise, null if unknown. */
  idtyp: string | null;
  /** '0' public client, '1' secret, '2' certificate. */
  appidacr: string | null;
  /** The authnmethodsreferences claim, e.g. 'pwd' or 'pwd,mfa'. */
  authMethods: string | null;
  /** true when authMethods includes mfa; null when the claims were missing. */
  mfa: boolean | null;
  /** MFA policy definition IDs named in the event (audit or deny), comma-separated, or null. */
  policyDefinitionIds: string | null;
  category: string | null;
  raw: string;
}

/** An Entra AuditLogs record (directory changes). */
export interface AuditEvent {
  id: string;
  time: string;
  category: string | null;
  activity: string | null;
  operationType: string | null;
  result: string | null;
  initiatedByUserId: string | null;
  initiatedByUpn: string | null;
  initiatedByAppId: string | null;
  targetIds: string[];
  raw: string;
}
