/** The public documents the catalog's facts come from. Every catalog entry names one of these. */
export const SOURCES = {
  mandatoryMfa: 'https://learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication',
  azurePolicyMfa: 'https://learn.microsoft.com/azure/governance/policy/tutorials/mfa-enforcement',
  cliMfaTroubleshoot: 'https://learn.microsoft.com/cli/azure/authenticate-azure-cli-interactively',
  portalSettings: 'https://learn.microsoft.com/azure/azure-portal/mandatory-multifactor-authentication-postpone',
  errorCodes: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  firstPartyApps: 'https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in',
  directoryRoles: 'https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference',
  azureRoles: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles',
  signInSchema: 'https://learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta',
  activityLogSchema: 'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema',
  asnRegistry: 'https://www.peeringdb.com/asn/8075',
  azureLoginAction: 'https://github.com/Azure/login',
  terraformAzurerm: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs',
  auditActivities: 'https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities',
  logAnalyticsTables: 'https://learn.microsoft.com/azure/azure-monitor/reference/tables-index',
  azureSdkUserAgent: 'https://azure.github.io/azure-sdk/general_azurecore.html#telemetry-policy',
  graphManager: 'https://learn.microsoft.com/graph/api/user-list-manager',
  graphOwners: 'https://learn.microsoft.com/graph/api/application-list-owners',
} as const;

export type SourceKey = keyof typeof SOURCES;
