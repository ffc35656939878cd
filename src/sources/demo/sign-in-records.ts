/**
 * Sign-in records in the diagnostic-settings export shape (data-formats.md §2), modelled field by field on
 * the real records in ../shared/samples: `+00:00` in createdDateTime, `Member`/`Guest`, no signInEventTypes
 * (the category says it), int conditionsSatisfied, no `identity` on workload records, no address on MSI records.
 */
import { createHash } from 'node:crypto';
import type { AppRef } from './apps.js';
import type { DemoPolicy, SignInOutcome } from './conditional-access.js';
import { applyPolicies, conditionalAccessStatus } from './conditional-access.js';
import type { DemoDirectory, DemoUser, DemoWorkload } from './directory.js';
import type { Place } from './network.js';
import type { Rng } from './prng.js';
import { entraTimestamp, envelopeTimestamp } from './timeline.js';
import type { Client } from './user-agents.js';

export type SignInCategory = 'SignInLogs' | 'NonInteractiveUserSignInLogs' | 'ServicePrincipalSignInLogs' | 'ManagedIdentitySignInLogs';
export const SIGN_IN_CATEGORIES: readonly SignInCategory[] = ['SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs'];

export type UserAuth =
  | 'password'
  | 'previous'
  | 'mfa-push'
  | 'mfa-previous'
  | 'mfa-home-tenant'
  | 'fido2'
  | 'bad-password'
  | 'mfa-required'
  | 'mfa-required-ca'
  | 'refresh-single'
  | 'refresh-mfa'
  | 'account-disabled';

export interface UserSignInEvent {
  interactive: boolean;
  at: number;
  user: DemoUser;
  app: AppRef;
  resource: AppRef;
  place: Place;
  /** null: the record has no userAgent (common on non-interactive records). */
  client: Client | null;
  clientAppUsed: 'Browser' | 'Mobile Apps and Desktop clients';
  protocol: 'none' | 'ropc';
  incomingTokenType: 'none' | 'refreshToken' | 'primaryRefreshToken';
  auth: UserAuth;
  /** The Entra session the sign-in belongs to: the interactive sign-in that began it and the refreshes that ride it share it. */
  sessionId: string;
}

export interface WorkloadSignInEvent {
  at: number;
  workload: DemoWorkload;
  resource: AppRef;
}

/** What the record builders share across one run. */
export interface RecordContext {
  directory: DemoDirectory;
  policies: readonly DemoPolicy[];
  nextId: () => string;
  /** The object ID of a resource's service principal in this tenant (stable per resource). */
  resourceServicePrincipalId: (resourceAppId: string) => string;
  /** The Microsoft tenant first-party apps belong to. */
  microsoftTenantId: string;
  corporateAsn: number;
}

interface Step {
  authenticationStepDateTime: string;
  authenticationMethod: string;
  authenticationMethodDetail?: string;
  succeeded: boolean;
  authenticationStepResultDetail: string;
  authenticationStepRequirement: string;
  StatusSequence: number;
  RequestSequence: number;
}

function step(at: string, method: string, succeeded: boolean, detail: string, requirement: 'Primary authentication' | 'Multifactor authentication', methodDetail?: string): Step {
  const base: Step = { authenticationStepDateTime: at, authenticationMethod: method, succeeded, authenticationStepResultDetail: detail, authenticationStepRequirement: requirement, StatusSequence: 0, RequestSequence: 0 };
  if (methodDetail === undefined) return base;
  return { authenticationStepDateTime: at, authenticationMethod: method, authenticationMethodDetail: methodDetail, succeeded, authenticationStepResultDetail: detail, authenticationStepRequirement: requirement, StatusSequence: 0, RequestSequence: 0 };
}

const MFA_BY_CLAIM = 'MFA requirement satisfied by claim in the token';

// Constant parts of every record, shared rather than rebuilt per record (JSON.stringify does not care).
const USER_PROCESSING_DETAILS = [
  { key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' },
  { key: 'Is CAE Token', value: 'False' },
];
const WORKLOAD_PROCESSING_DETAILS = [{ key: 'Azure AD App Authentication Library', value: 'Family: MSAL Library: MSAL.Python 1.31.0 Platform: Python' }];
const TOKEN_PROTECTION = { signInSessionStatus: 'unbound', signInSessionStatusCode: 1002 };
const EMPTY: readonly never[] = [];
const EMPTY_OBJECT = {};
const NO_LOCATION = { city: '', state: '', countryOrRegion: '', geoCoordinates: { latitude: 0.0, longitude: 0.0 } };
const audiences = new Map<string, unknown[]>();

function audienceOf(resourceId: string): unknown[] {
  let found = audiences.get(resourceId);
  if (!found) {
    found = [{ applicationId: resourceId, audienceReasons: 'none' }];
    audiences.set(resourceId, found);
  }
  return found;
}
const FIRST_BY_CLAIM = 'First factor requirement satisfied by claim in the token';

function authenticationSteps(auth: UserAuth, at: string, synced: boolean): Step[] {
  const password = synced ? 'Password Hash Sync' : 'Password in the cloud';
  switch (auth) {
    case 'password':
      return [step(at, 'Password', true, 'Correct password', 'Primary authentication', password)];
    case 'previous':
      return [step(at, 'Previously satisfied', true, FIRST_BY_CLAIM, 'Primary authentication')];
    case 'mfa-push':
      return [step(at, 'Password', true, 'Correct password', 'Primary authentication', password), step(at, 'Mobile app notification', true, 'MFA successfully completed', 'Multifactor authentication')];
    case 'mfa-previous':
    case 'mfa-home-tenant':
      return [step(at, 'Previously satisfied', true, FIRST_BY_CLAIM, 'Primary authentication'), step(at, 'Previously satisfied', true, MFA_BY_CLAIM, 'Multifactor authentication')];
    case 'fido2':
      return [step(at, 'FIDO2 security key', true, 'MFA successfully completed', 'Primary authentication', 'YubiKey 5 NFC')];
    case 'bad-password':
      return [step(at, 'Password', false, 'Invalid username or password or Invalid on-premise username or password.', 'Primary authentication', password)];
    case 'mfa-required':
      return [step(at, 'Password', true, 'Correct password', 'Primary authentication', password), step(at, '', false, 'MFA required in Azure AD', 'Multifactor authentication')];
    case 'mfa-required-ca':
      return [step(at, 'Password', true, 'Correct password', 'Primary authentication', password)];
    case 'refresh-single':
    case 'refresh-mfa':
    case 'account-disabled':
      return [];
  }
}

interface Status {
  errorCode: number;
  failureReason?: string;
  additionalDetails?: string;
}

function status(auth: UserAuth, resource: AppRef): Status {
  switch (auth) {
    case 'bad-password':
      return { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.' };
    case 'account-disabled':
      return { errorCode: 50057, failureReason: 'User account is disabled. The account has been disabled by an administrator.' };
    case 'mfa-required':
      return { errorCode: 50074, failureReason: 'Strong Authentication is required.', additionalDetails: 'The user must complete multifactor authentication to access the Azure portal.' };
    case 'mfa-required-ca':
      return {
        errorCode: 50076,
        failureReason: `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource.id}'.`,
        additionalDetails: 'MFA is required by a Conditional Access policy.',
      };
    case 'mfa-previous':
    case 'mfa-home-tenant':
    case 'refresh-mfa':
      return { errorCode: 0, additionalDetails: MFA_BY_CLAIM };
    default:
      return { errorCode: 0 };
  }
}

function outcomeOf(auth: UserAuth): SignInOutcome {
  if (auth === 'bad-password' || auth === 'account-disabled') return 'bad-password';
  if (auth === 'mfa-required' || auth === 'mfa-required-ca') return 'mfa-missing';
  if (auth === 'mfa-push' || auth === 'mfa-previous' || auth === 'mfa-home-tenant' || auth === 'fido2' || auth === 'refresh-mfa') return 'mfa';
  return 'single';
}

function requiresMfa(auth: UserAuth): boolean {
  // A passkey sign-in of an account no policy asks MFA of (break-glass accounts are excluded from every one) is logged
  // single-factor: the passkey step is itself the MFA, and its refreshes carry it.
  if (auth === 'fido2') return false;
  return outcomeOf(auth) === 'mfa' || auth === 'mfa-required' || auth === 'mfa-required-ca';
}

function location(place: Place): Record<string, unknown> {
  return { city: place.city, state: place.state, countryOrRegion: place.country, geoCoordinates: { latitude: place.latitude, longitude: place.longitude } };
}

/** The diagnostic envelope; undefined members are left out by JSON.stringify (fields a record kind lacks). */
interface Envelope {
  time: string;
  resourceId: string;
  operationName: string;
  operationVersion: string;
  category: SignInCategory;
  tenantId: string;
  resultType: string;
  resultSignature: string;
  resultDescription: string | undefined;
  durationMs: number;
  callerIpAddress: string | undefined;
  correlationId: string;
  identity: string | undefined;
  Level: number;
  location: string | undefined;
  properties: Record<string, unknown>;
}

/** Ingestion lags the sign-in by a few minutes. Drawn before the properties: the PRNG order fixes the bytes. */
function ingestionTime(at: number, rng: Rng): string {
  return envelopeTimestamp(at + rng.between(20_000, 240_000), rng.int(10_000));
}

function envelope(
  context: RecordContext,
  category: SignInCategory,
  time: string,
  errorCode: number,
  failureReason: string | undefined,
  correlationId: string,
  identity: string | undefined,
  place: Place | null,
  properties: Record<string, unknown>,
): Envelope {
  return {
    time,
    resourceId: `/tenants/${context.directory.tenantId}/providers/Microsoft.aadiam`,
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category,
    tenantId: context.directory.tenantId,
    resultType: String(errorCode),
    resultSignature: errorCode === 0 ? 'SUCCESS' : 'None',
    resultDescription: failureReason,
    durationMs: 0,
    callerIpAddress: place?.ip,
    correlationId,
    identity,
    Level: 4,
    location: place?.country,
    properties,
  };
}

/** A record as written: the JSON line and its event time (seven fraction digits, `Z`), to find the newest. */
export interface WrittenRecord {
  line: string;
  time: string;
}

function zulu(created: string): string {
  return `${created.slice(0, 27)}Z`;
}

const deviceIds = new Map<string, string>();

/** The user's corporate laptop's device id: derived from the user's id, so that no draw of the PRNG moves. */
function deviceIdOf(user: DemoUser): string {
  let id = deviceIds.get(user.id);
  if (id === undefined) {
    const hex = createHash('sha256').update(`device:${user.id}`).digest('hex');
    id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    deviceIds.set(user.id, id);
  }
  return id;
}

function corporateDevice(event: UserSignInEvent, user: DemoUser): Record<string, unknown> {
  return {
    deviceId: deviceIdOf(user),
    operatingSystem: event.client?.operatingSystem ?? user.office.operatingSystem,
    browser: event.client?.browser ?? user.office.browser,
    isCompliant: true,
    isManaged: true,
    trustType: 'Hybrid Azure AD joined',
  };
}

/** One user sign-in (interactive or not) as one JSON line. */
export function userSignInLine(context: RecordContext, event: UserSignInEvent, rng: Rng): WrittenRecord {
  const { user, place } = event;
  const tenantId = context.directory.tenantId;
  const category: SignInCategory = event.interactive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs';
  const created = entraTimestamp(event.at, rng.int(10_000));
  const id = context.nextId();
  const correlationId = rng.uuid();
  const st = status(event.auth, event.resource);
  const guest = user.userType === 'Guest';
  // The office network's devices are the corporate ones: compliant and hybrid joined (CA003 reads it, applyPolicies says so).
  const corporate = place.asn === context.corporateAsn;
  const applied = applyPolicies(context.policies, {
    user,
    resourceId: event.resource.id,
    at: event.at,
    outcome: outcomeOf(event.auth),
    onCorporateNetwork: corporate,
  });
  const time = ingestionTime(event.at, rng);
  // One object literal in output order: V8 keeps it in fast mode, which makes JSON.stringify much cheaper.
  const properties = {
    id,
    createdDateTime: created,
    userDisplayName: user.displayName,
    userPrincipalName: user.upn,
    userId: user.id,
    appId: event.app.id,
    appDisplayName: event.app.name,
    ipAddress: place.ip,
    status: st,
    clientAppUsed: event.clientAppUsed,
    userAgent: event.client?.userAgent,
    deviceDetail: corporate ? corporateDevice(event, user) : { deviceId: '', operatingSystem: event.client?.operatingSystem ?? user.office.operatingSystem, browser: event.client?.browser ?? user.office.browser, isCompliant: false, isManaged: false },
    location: location(place),
    correlationId,
    conditionalAccessStatus: conditionalAccessStatus(applied),
    appliedConditionalAccessPolicies: applied,
    authenticationContextClassReferences: EMPTY,
    originalRequestId: id,
    isInteractive: event.interactive,
    tokenIssuerName: '',
    tokenIssuerType: 'AzureAD',
    authenticationProcessingDetails: USER_PROCESSING_DETAILS,
    networkLocationDetails: EMPTY,
    clientCredentialType: 'none',
    processingTimeInMilliseconds: rng.between(20, 400),
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes: EMPTY,
    riskEventTypes_v2: EMPTY,
    resourceDisplayName: event.resource.name,
    resourceId: event.resource.id,
    resourceTenantId: tenantId,
    homeTenantId: user.homeTenantId,
    tenantId,
    authenticationDetails: authenticationSteps(event.auth, created, user.onPremisesSyncEnabled === true),
    authenticationRequirementPolicies: EMPTY,
    sessionLifetimePolicies: EMPTY,
    authenticationRequirement: requiresMfa(event.auth) ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    servicePrincipalId: '',
    userType: user.userType,
    flaggedForReview: false,
    isTenantRestricted: false,
    autonomousSystemNumber: place.asn,
    crossTenantAccessType: guest ? 'b2bCollaboration' : 'none',
    privateLinkDetails: EMPTY_OBJECT,
    ssoExtensionVersion: '',
    uniqueTokenIdentifier: rng.base64url(22),
    authenticationStrengths: EMPTY,
    incomingTokenType: event.incomingTokenType,
    authenticationProtocol: event.protocol,
    appServicePrincipalId: null,
    resourceServicePrincipalId: context.resourceServicePrincipalId(event.resource.id),
    rngcStatus: 0,
    signInTokenProtectionStatus: 'none',
    tokenProtectionStatusDetails: TOKEN_PROTECTION,
    originalTransferMethod: 'none',
    isThroughGlobalSecureAccess: false,
    conditionalAccessAudiences: audienceOf(event.resource.id),
    sessionId: event.sessionId,
    appOwnerTenantId: context.microsoftTenantId,
    resourceOwnerTenantId: context.microsoftTenantId,
    signInIdentifier: event.interactive ? user.upn : undefined,
  };
  const record = envelope(context, category, time, st.errorCode, st.failureReason, correlationId, user.displayName, place, properties);
  return { line: JSON.stringify(record), time: zulu(created) };
}

/** One service principal or managed identity sign-in as one JSON line. */
export function workloadSignInLine(context: RecordContext, event: WorkloadSignInEvent, rng: Rng): WrittenRecord {
  const { workload } = event;
  const managed = workload.kind === 'managedIdentity';
  const category: SignInCategory = managed ? 'ManagedIdentitySignInLogs' : 'ServicePrincipalSignInLogs';
  const created = entraTimestamp(event.at, rng.int(10_000));
  const correlationId = rng.uuid();
  const place = managed ? null : workload.place;
  const time = ingestionTime(event.at, rng);
  const properties = {
    id: context.nextId(),
    createdDateTime: created,
    userId: null,
    appId: workload.appId,
    ipAddress: place?.ip ?? '',
    status: { errorCode: 0 },
    location: place ? location(place) : NO_LOCATION,
    correlationId,
    conditionalAccessStatus: managed ? 'notApplied' : undefined,
    appliedConditionalAccessPolicies: managed ? EMPTY : undefined,
    isInteractive: false,
    tokenIssuerType: 'AzureAD',
    authenticationProcessingDetails: managed ? EMPTY : WORKLOAD_PROCESSING_DETAILS,
    clientCredentialType: workload.credential,
    processingTimeInMilliseconds: rng.between(0, 80),
    riskDetail: 'none',
    riskLevelAggregated: 'low',
    riskLevelDuringSignIn: 'low',
    riskState: 'none',
    resourceDisplayName: event.resource.name,
    resourceId: event.resource.id,
    servicePrincipalName: workload.displayName,
    servicePrincipalId: workload.id,
    servicePrincipalCredentialKeyId: managed ? undefined : (workload.keyId ?? ''),
    servicePrincipalCredentialThumbprint: managed ? undefined : (workload.thumbprint ?? ''),
    federatedCredentialId: workload.federatedCredentialId ?? '',
    managedServiceIdentity: managed ? { msiType: workload.msiType, associatedResourceId: workload.associatedResourceId, federatedTokenId: '', federatedTokenIssuer: '' } : undefined,
    flaggedForReview: false,
    isTenantRestricted: false,
    crossTenantAccessType: 'none',
    uniqueTokenIdentifier: rng.base64url(22),
    incomingTokenType: 'none',
    authenticationProtocol: 'none',
    appServicePrincipalId: null,
    resourceServicePrincipalId: context.resourceServicePrincipalId(event.resource.id),
    signInTokenProtectionStatus: 'none',
    originalTransferMethod: 'none',
    isThroughGlobalSecureAccess: false,
    conditionalAccessAudiences: managed ? EMPTY : undefined,
  };
  const record = envelope(context, category, time, 0, undefined, correlationId, undefined, place, properties);
  return { line: JSON.stringify(record), time: zulu(created) };
}
