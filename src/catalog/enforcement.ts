import { z } from 'zod';
import { appEntrySchema, errorCodeEntrySchema, phaseEntrySchema, policyDefinitionEntrySchema, resourceEntrySchema } from './schema.js';
import { SOURCES } from './sources.js';

/**
 * Mandatory MFA for Azure, as data. Read by the impact engine, the demo and the KQL generator;
 * no other module repeats these IDs or dates. Facts: ../shared/reference/enforcement.md.
 */
export const PHASES = z.array(phaseEntrySchema).parse([
  {
    id: 'phase1',
    enforces: 'sign-in to the Azure portal, Microsoft Entra admin center and Microsoft Intune admin center',
    operations: 'all',
    // Gradual from Oct 2024; every tenant by March 2025 unless postponed (latest offered: 30 Sep 2025).
    defaultDate: '2025-03-15',
    latestPostponement: '2025-09-30',
    source: SOURCES.mandatoryMfa,
  },
  {
    id: 'phase2',
    enforces: 'create, update and delete through Azure Resource Manager (CLI, PowerShell, mobile app, SDKs, IaC, REST)',
    operations: 'writes',
    defaultDate: '2025-10-01',
    latestPostponement: '2026-07-01',
    source: SOURCES.mandatoryMfa,
  },
]);

export type PhaseId = 'phase1' | 'phase2';

export function phase(id: PhaseId): z.infer<typeof phaseEntrySchema> {
  const found = PHASES.find((entry) => entry.id === id);
  if (!found) throw new Error(`catalog has no ${id}`);
  return found;
}

/** Dates a tenant could choose when postponing Phase 2. */
export const PHASE2_OFFERED_DATES = ['2025-09-15', '2026-01-01', '2026-04-01', '2026-07-01'] as const;

export const FIRST_PARTY_APPS = z.array(appEntrySchema).parse([
  { id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal', role: 'portal', phase: 'phase1', source: SOURCES.mandatoryMfa },
  { id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI', role: 'arm-client', phase: 'phase2', source: SOURCES.mandatoryMfa },
  { id: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell', role: 'arm-client', phase: 'phase2', source: SOURCES.mandatoryMfa },
  { id: '0c1307d4-29d6-4389-a11c-5cbe7f65d7fa', name: 'Azure Mobile App', role: 'arm-client', phase: 'phase2', source: SOURCES.mandatoryMfa },
  { id: '14d82eec-204b-4c2f-b7e8-296a70dab67e', name: 'Microsoft Graph Command Line Tools', role: 'graph-client', phase: null, source: SOURCES.firstPartyApps },
  { id: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', name: 'Graph Explorer', role: 'graph-client', phase: null, source: SOURCES.firstPartyApps },
  { id: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online', role: 'other', phase: null, source: SOURCES.firstPartyApps },
  { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online', role: 'other', phase: null, source: SOURCES.firstPartyApps },
  { id: '1b730954-1685-4b74-9bfd-dac224a7b894', name: 'Azure Active Directory PowerShell', role: 'graph-client', phase: null, source: SOURCES.firstPartyApps },
  { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome', role: 'other', phase: null, source: SOURCES.firstPartyApps },
  { id: '00000002-0000-0000-c000-000000000000', name: 'Windows Azure Active Directory', role: 'other', phase: null, source: SOURCES.firstPartyApps },
]);

/** The ARM resource: Phase 2 is enforced here, whatever the client. */
export const ARM_RESOURCE_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
export const AZURE_PORTAL_APP_ID = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
export const MICROSOFT_GRAPH_RESOURCE_ID = '00000003-0000-0000-c000-000000000000';

export const RESOURCES = z.array(resourceEntrySchema).parse([
  { id: ARM_RESOURCE_ID, name: 'Windows Azure Service Management API', inScope: 'phase2', source: SOURCES.mandatoryMfa },
  { id: MICROSOFT_GRAPH_RESOURCE_ID, name: 'Microsoft Graph', inScope: 'none', source: SOURCES.mandatoryMfa },
]);

/** The sign-in error of a disabled account (AADSTS50057: the user account is disabled). */
export const DISABLED_ACCOUNT_ERROR = 50057;

/** Sign-in error codes that mean "MFA was required and not done". */
export const MFA_ERROR_CODES = z.array(errorCodeEntrySchema).parse([
  { code: 50074, meaning: 'Strong authentication is required (user must complete MFA)', mfaRequired: true, source: SOURCES.errorCodes },
  { code: 50076, meaning: 'Due to a configuration change or move to a new location, the user must use MFA', mfaRequired: true, source: SOURCES.errorCodes },
  { code: 50079, meaning: 'The user is required to register for MFA', mfaRequired: true, source: SOURCES.errorCodes },
]);

export const MFA_POLICY_DEFINITIONS = z.array(policyDefinitionEntrySchema).parse([
  {
    id: '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b',
    name: 'Users must authenticate with multi-factor authentication to create or update resources',
    covers: 'create-update',
    effects: ['Audit', 'Deny', 'Disabled'],
    source: SOURCES.azurePolicyMfa,
  },
  {
    id: 'db4a9d17-db75-4f46-9fcb-9f9526604417',
    name: '[Preview] Users must authenticate with multi-factor authentication to delete resources',
    covers: 'delete',
    effects: ['AuditAction', 'DenyAction', 'Disabled'],
    source: SOURCES.azurePolicyMfa,
  },
]);

/** The Activity-log operation an Audit-mode MFA policy writes for each non-MFA write. */
export const POLICY_AUDIT_OPERATION = 'microsoft.authorization/policies/audit/action';
/** The failure an Deny-mode MFA policy returns. */
export const POLICY_DENY_STATUS = 'RequestDisallowedByPolicy';

/** Minimum client versions that handle the step-up claims challenge. */
export const CLAIMS_CHALLENGE_CLIENTS = { azureCli: '2.76.0', azPowerShell: '14.3.0', azAccounts: '5.2.0' } as const;

/** Only public Azure is enforced (at the time of the sources). */
export const ENFORCED_CLOUDS = ['public'] as const;

export function isMfaErrorCode(code: number | null): boolean {
  return code !== null && MFA_ERROR_CODES.some((entry) => entry.code === code);
}

export function isMfaPolicyDefinition(id: string): boolean {
  const lower = id.toLowerCase();
  return MFA_POLICY_DEFINITIONS.some((entry) => lower.includes(entry.id));
}

export function appById(id: string | null): z.infer<typeof appEntrySchema> | null {
  if (!id) return null;
  const lower = id.toLowerCase();
  return FIRST_PARTY_APPS.find((entry) => entry.id === lower) ?? null;
}
