import { z } from 'zod';
import { ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, MICROSOFT_GRAPH_RESOURCE_ID } from './enforcement.js';
import { caAppEntrySchema, caErrorCodeEntrySchema } from './schema.js';
import { SOURCES } from './sources.js';

/**
 * Conditional Access, as data: the apps behind the includeApplications keywords, the client app types and device
 * platforms the sign-in logs name, the user actions, guest and external user types, and which sign-in errors mean the
 * policies were evaluated. Read by the what-if evaluator (src/engines/whatif/); no other module repeats these values.
 */

/**
 * Apps Conditional Access targets, by app id, with the keyword groups they belong to. An app not listed here is neither
 * in nor out of a group as far as the catalog knows: the evaluator says `unknown` for it rather than guess. The admin
 * portals are matched on the client a person signs in with (the Azure portal asks for ARM, Graph and its own
 * resource); every other app on the resource the token is for, which is what Conditional Access evaluates.
 */
export const CA_APPS = z.array(caAppEntrySchema).parse([
  { id: AZURE_PORTAL_APP_ID, name: 'Azure Portal (also the Microsoft Entra and Intune admin centers)', groups: ['MicrosoftAdminPortals'], matchesClient: true, source: SOURCES.caTargetResources },
  { id: ARM_RESOURCE_ID, name: 'Windows Azure Service Management API', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
  { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online', groups: ['Office365'], matchesClient: false, source: SOURCES.caTargetResources },
  { id: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online', groups: ['Office365'], matchesClient: false, source: SOURCES.caTargetResources },
  { id: '00000004-0000-0ff1-ce00-000000000000', name: 'Skype for Business Online', groups: ['Office365'], matchesClient: false, source: SOURCES.caTargetResources },
  { id: '00000005-0000-0ff1-ce00-000000000000', name: 'Office 365 Yammer', groups: ['Office365'], matchesClient: false, source: SOURCES.caTargetResources },
  { id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', name: 'Microsoft Teams Services', groups: ['Office365'], matchesClient: false, source: SOURCES.caTargetResources },
  { id: MICROSOFT_GRAPH_RESOURCE_ID, name: 'Microsoft Graph', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
  { id: '00000002-0000-0000-c000-000000000000', name: 'Windows Azure Active Directory', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
  { id: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', name: 'Azure Key Vault', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
  { id: 'e406a681-f3d4-42a8-90b6-c2b029497af1', name: 'Azure Storage', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
  { id: '022907d3-0f1b-48f7-badc-1ba6abab6d66', name: 'Azure SQL Database', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
  { id: 'ca7f3f0b-7d91-482c-8e09-c5d840d0eac5', name: 'Log Analytics API', groups: [], matchesClient: false, source: SOURCES.caTargetResources },
]);

export type CaAppGroup = 'Office365' | 'MicrosoftAdminPortals';

/** includeApplications keywords that are not app ids. */
export const CA_APP_KEYWORDS = { all: 'All', none: 'None', groups: ['Office365', 'MicrosoftAdminPortals'] } as const;

/** The user actions a policy can target instead of apps (conditionalAccessApplications.includeUserActions). */
export const CA_USER_ACTIONS = { values: ['urn:user:registersecurityinfo', 'urn:user:registerdevice'], source: SOURCES.caTargetResources } as const;

export type ClientAppType = 'browser' | 'mobileAppsAndDesktopClients' | 'exchangeActiveSync' | 'other';

/**
 * clientAppUsed as the sign-in logs write it → the policy's clientAppTypes value. Every legacy protocol is "other"
 * except Exchange ActiveSync. Keys lower-cased.
 */
export const CLIENT_APP_TYPES = {
  byClientAppUsed: {
    browser: 'browser',
    'mobile apps and desktop clients': 'mobileAppsAndDesktopClients',
    'exchange activesync': 'exchangeActiveSync',
    'other clients': 'other',
    autodiscover: 'other',
    'exchange online powershell': 'other',
    'exchange web services': 'other',
    imap4: 'other',
    imap: 'other',
    'mapi over http': 'other',
    'offline address book': 'other',
    'outlook anywhere (rpc over http)': 'other',
    'outlook service': 'other',
    pop3: 'other',
    pop: 'other',
    'reporting web services': 'other',
    'universal outlook': 'other',
    smtp: 'other',
    'authenticated smtp': 'other',
  } satisfies Readonly<Record<string, ClientAppType>>,
  source: SOURCES.caConditions,
} as const;

export type DevicePlatform = 'android' | 'iOS' | 'windows' | 'windowsPhone' | 'macOS' | 'linux';

/** deviceDetail.operatingSystem (lower-cased) starts with → the policy's platform value; the first match wins. */
export const DEVICE_PLATFORMS = {
  byOperatingSystemPrefix: [
    ['windows phone', 'windowsPhone'],
    ['windows', 'windows'],
    ['macos', 'macOS'],
    ['mac os', 'macOS'],
    ['ios', 'iOS'],
    ['ipados', 'iOS'],
    ['android', 'android'],
    ['linux', 'linux'],
  ] satisfies readonly (readonly [string, DevicePlatform])[],
  source: SOURCES.caConditions,
} as const;

export type GuestOrExternalUserType = 'internalGuest' | 'b2bCollaborationGuest' | 'b2bCollaborationMember' | 'b2bDirectConnectUser' | 'otherExternalUser' | 'serviceProvider';

export const GUEST_OR_EXTERNAL_USER_TYPES = {
  values: ['internalGuest', 'b2bCollaborationGuest', 'b2bCollaborationMember', 'b2bDirectConnectUser', 'otherExternalUser', 'serviceProvider'] satisfies readonly GuestOrExternalUserType[],
  source: SOURCES.caGuests,
} as const;

/** The named location id that stands for the legacy MFA service's trusted IPs, which no export carries. */
export const MFA_TRUSTED_IPS_LOCATION = { id: '00000000-0000-0000-0000-000000000000', source: SOURCES.namedLocations } as const;

/**
 * Sign-in errors that say where a failed sign-in stopped: refused by Conditional Access or an MFA requirement (the
 * policies were evaluated), or failed at the first factor (they never were: Entra records them not applied).
 * An error code in neither list leaves the policies' result unknown.
 */
export const SIGN_IN_ERROR_STAGES = z.array(caErrorCodeEntrySchema).parse([
  { code: 50074, meaning: 'Strong authentication is required', stage: 'refused', source: SOURCES.errorCodes },
  { code: 50076, meaning: 'The user must use multifactor authentication', stage: 'refused', source: SOURCES.errorCodes },
  { code: 50079, meaning: 'The user must register for multifactor authentication', stage: 'refused', source: SOURCES.errorCodes },
  { code: 50158, meaning: 'External security challenge not satisfied', stage: 'refused', source: SOURCES.errorCodes },
  { code: 53000, meaning: 'Device is not compliant', stage: 'refused', source: SOURCES.errorCodes },
  { code: 53001, meaning: 'Device is not domain joined', stage: 'refused', source: SOURCES.errorCodes },
  { code: 53002, meaning: 'The application used is not an approved application', stage: 'refused', source: SOURCES.errorCodes },
  { code: 53003, meaning: 'Access blocked by Conditional Access policies', stage: 'refused', source: SOURCES.errorCodes },
  { code: 53004, meaning: 'Multifactor authentication registration blocked due to risk', stage: 'refused', source: SOURCES.errorCodes },
  { code: 50034, meaning: 'The user account does not exist', stage: 'first-factor', source: SOURCES.errorCodes },
  { code: 50053, meaning: 'Account locked, or sign-in from a malicious address', stage: 'first-factor', source: SOURCES.errorCodes },
  { code: 50055, meaning: 'The password is expired', stage: 'first-factor', source: SOURCES.errorCodes },
  { code: 50056, meaning: 'Invalid or null password', stage: 'first-factor', source: SOURCES.errorCodes },
  { code: 50057, meaning: 'The user account is disabled', stage: 'first-factor', source: SOURCES.errorCodes },
  { code: 50126, meaning: 'Invalid username or password', stage: 'first-factor', source: SOURCES.errorCodes },
  { code: 50144, meaning: 'The on-premises password is expired', stage: 'first-factor', source: SOURCES.errorCodes },
]);

export function signInErrorStage(code: number): 'refused' | 'first-factor' | null {
  return SIGN_IN_ERROR_STAGES.find((entry) => entry.code === code)?.stage ?? null;
}
