import { basename } from 'node:path';
import type { SignInKind } from '../../../model/sign-in.js';
import type { CsvRow } from '../framework/csv-table.js';
import { int, utc } from '../framework/values.js';

/**
 * The Entra admin center's sign-in CSV (interactive / non-interactive: 55 or 57 columns; ApplicationSignIns /
 * MSISignIns: 22 columns) → a Graph-beta-shaped signIn, which the one SQL normaliser then turns into a row.
 * Columns are found by normalised name (the header has "Application ID " with a trailing space,
 * "Autonomous system  number" with two, and "Incoming token type" twice).
 */

/** The download's file name is the only place the kind is written (the headers of the two user kinds are identical). */
const KIND_BY_FILE_NAME: readonly (readonly [RegExp, SignInKind])[] = [
  [/^noninteractivesignins/i, 'nonInteractiveUser'],
  [/^interactivesignins/i, 'interactiveUser'],
  [/^applicationsignins/i, 'servicePrincipal'],
  [/^msisignins/i, 'managedIdentity'],
];

export function portalKind(path: string, row: CsvRow): SignInKind {
  const name = basename(path);
  for (const [pattern, kind] of KIND_BY_FILE_NAME) if (pattern.test(name)) return kind;
  if (row.get('managed identity type')) return 'managedIdentity';
  if (row.get('service principal id') !== null && row.get('username') === null) return 'servicePrincipal';
  return 'interactiveUser';
}

/** Portal display texts whose Graph value is not their camelCase. */
const DISPLAY_VALUES: Readonly<Record<string, string>> = {
  'multifactor authentication': 'multiFactorAuthentication',
  'single-factor authentication': 'singleFactorAuthentication',
};

function enumValue(value: string | null): string | null {
  if (value === null) return null;
  return DISPLAY_VALUES[value.toLowerCase()] ?? value;
}

/** "City, State, CC" → city and country (the portal joins location with commas). */
function location(value: string | null): { city: string | null; countryOrRegion: string | null } {
  if (value === null) return { city: null, countryOrRegion: null };
  const parts = value.split(',').map((part) => part.trim());
  return { city: parts.length > 1 ? (parts[0] ?? null) : null, countryOrRegion: parts[parts.length - 1] ?? null };
}

export function portalSignInDoc(row: CsvRow, steps: unknown[] | null): Record<string, unknown> {
  const status = row.get('status');
  const errorCode = int(row.get('sign-in error code')) ?? (status !== null && /^success$/i.test(status) ? 0 : null);
  const msiType = row.get('managed identity type');
  return {
    id: row.get('request id'),
    createdDateTime: utc(row.get('date (utc)')),
    userId: row.get('user id'),
    userDisplayName: row.get('user'),
    userPrincipalName: row.get('username'),
    userType: row.get('user type'),
    appId: row.get('application id'),
    appDisplayName: row.get('application'),
    resourceId: row.get('resource id'),
    resourceDisplayName: row.get('resource'),
    servicePrincipalId: row.get('service principal id'),
    servicePrincipalName: row.get('service principal name'),
    ipAddress: row.get('ip address'),
    autonomousSystemNumber: row.get('autonomous system number'),
    location: location(row.get('location')),
    clientAppUsed: row.get('client app'),
    userAgent: row.get('user agent'),
    authenticationRequirement: enumValue(row.get('authentication requirement')),
    authenticationProtocol: row.get('authentication protocol'),
    authenticationDetails: steps ?? [],
    conditionalAccessStatus: row.get('conditional access'),
    status: { errorCode, failureReason: row.get('failure reason'), additionalDetails: null },
    clientCredentialType: row.get('client credential type'),
    federatedCredentialId: row.get('federated token id'),
    managedServiceIdentity: { msiType, associatedResourceId: row.get('associated resource id') },
    crossTenantAccessType: row.get('cross tenant access type'),
    homeTenantId: row.get('home tenant id'),
    resourceTenantId: row.get('resource tenant id'),
    incomingTokenType: row.get('incoming token type'),
    sessionId: row.get('session id'),
    correlationId: row.get('correlation id'),
    uniqueTokenIdentifier: row.get('unique token identifier'),
    deviceDetail: {
      deviceId: row.get('device id'),
      operatingSystem: row.get('operating system'),
      browser: row.get('browser'),
      isCompliant: yesNo(row.get('compliant')),
      isManaged: yesNo(row.get('managed')),
      trustType: row.get('join type'),
    },
  };
}

/** The download writes booleans as "True"/"False" (or "Yes"/"No"); anything else is unknown. */
function yesNo(value: string | null): boolean | null {
  if (value === null) return null;
  if (/^(?:true|yes)$/iu.test(value)) return true;
  if (/^(?:false|no)$/iu.test(value)) return false;
  return null;
}
