import { SOURCES } from './sources.js';

/**
 * How a sign-in's device is joined to the directory (deviceDetail.trustType), as the logs write it, → one value each.
 * The logs use display names that changed with the Entra rename ("Azure AD joined" → "Microsoft Entra joined"), and the
 * device object's own trustType ("AzureAd", "ServerAd", "Workplace") appears in some exports. Conditional Access's
 * domainJoinedDevice control means hybrid joined; compliantDevice reads isCompliant.
 * Keys are the camelCase the normaliser makes of any of them (lower-cased for the lookup).
 */
export type DeviceTrustType = 'azureAdJoined' | 'hybridAzureAdJoined' | 'azureAdRegistered';

export const DEVICE_TRUST_TYPES = {
  byName: {
    azureadjoined: 'azureAdJoined',
    microsoftentrajoined: 'azureAdJoined',
    azuread: 'azureAdJoined',
    hybridazureadjoined: 'hybridAzureAdJoined',
    microsoftentrahybridjoined: 'hybridAzureAdJoined',
    serverad: 'hybridAzureAdJoined',
    domainjoined: 'hybridAzureAdJoined',
    azureadregistered: 'azureAdRegistered',
    microsoftentraregistered: 'azureAdRegistered',
    workplace: 'azureAdRegistered',
  } satisfies Readonly<Record<string, DeviceTrustType>>,
  source: SOURCES.signInSchema,
} as const;
