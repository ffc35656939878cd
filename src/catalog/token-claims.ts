import { z } from 'zod';
import { ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, MICROSOFT_GRAPH_RESOURCE_ID } from './enforcement.js';
import { amrEntrySchema, audienceEntrySchema } from './schema.js';
import { SOURCES } from './sources.js';

/**
 * What an Entra ID access token's claims say about the sign-in that got it, as data: the audiences mandatory MFA
 * enforces, the authentication methods references (amr) and which of them mean MFA, and the claims that tell a
 * managed identity or an app from a user. Read by `unattended probe`.
 */
export const TOKEN_AUDIENCES = z.array(audienceEntrySchema).parse([
  {
    values: ['https://management.azure.com', 'https://management.azure.com/', 'https://management.core.windows.net', 'https://management.core.windows.net/', ARM_RESOURCE_ID],
    name: 'Azure Resource Manager',
    phase: 'phase2',
    sovereign: false,
    source: SOURCES.mandatoryMfa,
  },
  { values: [AZURE_PORTAL_APP_ID], name: 'Azure portal', phase: 'phase1', sovereign: false, source: SOURCES.mandatoryMfa },
  { values: ['https://graph.microsoft.com', 'https://graph.microsoft.com/', MICROSOFT_GRAPH_RESOURCE_ID], name: 'Microsoft Graph', phase: 'none', sovereign: false, source: SOURCES.mandatoryMfa },
  {
    values: ['https://management.usgovcloudapi.net', 'https://management.usgovcloudapi.net/', 'https://management.core.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net/'],
    name: 'Azure Resource Manager (US Government)',
    phase: 'none',
    sovereign: true,
    source: SOURCES.mandatoryMfa,
  },
  {
    values: ['https://management.chinacloudapi.cn', 'https://management.chinacloudapi.cn/', 'https://management.core.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn/'],
    name: 'Azure Resource Manager (operated by 21Vianet)',
    phase: 'none',
    sovereign: true,
    source: SOURCES.mandatoryMfa,
  },
]);

/** amr values Entra ID writes, and whether each means the sign-in satisfied MFA (what ARM's enforcement checks). */
export const AMR_VALUES = z.array(amrEntrySchema).parse([
  { value: 'pwd', meaning: 'password', mfa: false, source: SOURCES.amrClaimValues },
  { value: 'rsa', meaning: 'a key (certificate, Windows Hello, Authenticator)', mfa: false, source: SOURCES.amrClaimValues },
  { value: 'otp', meaning: 'one-time passcode (email or text)', mfa: false, source: SOURCES.amrClaimValues },
  { value: 'fed', meaning: 'a federated identity provider', mfa: false, source: SOURCES.amrClaimValues },
  { value: 'wia', meaning: 'Windows integrated authentication', mfa: false, source: SOURCES.amrClaimValues },
  { value: 'mfa', meaning: 'multifactor authentication', mfa: true, source: SOURCES.amrClaimValues },
  { value: 'ngcmfa', meaning: 'multifactor authentication (for advanced credential provisioning)', mfa: true, source: SOURCES.amrClaimValues },
  { value: 'wiaormfa', meaning: 'Windows or an MFA credential', mfa: false, source: SOURCES.amrClaimValues },
  { value: 'none', meaning: 'no authentication', mfa: false, source: SOURCES.amrClaimValues },
]);

/** Claims of an access token that say who it was issued to. */
export const IDENTITY_CLAIMS = {
  /** idtyp: 'app' for an app-only token, 'user' for a user's (an optional claim: absent from some tokens). */
  identityType: 'idtyp',
  /** The managed identity's resource id: present in managed identity tokens only. */
  managedIdentityResource: 'xms_mirid',
  source: SOURCES.accessTokenClaims,
} as const;

export function audienceOf(aud: string): z.infer<typeof audienceEntrySchema> | null {
  const value = aud.trim().toLowerCase();
  return TOKEN_AUDIENCES.find((entry) => entry.values.some((candidate) => candidate.toLowerCase() === value)) ?? null;
}

export function amrMeaning(value: string): z.infer<typeof amrEntrySchema> | null {
  return AMR_VALUES.find((entry) => entry.value === value.toLowerCase()) ?? null;
}
