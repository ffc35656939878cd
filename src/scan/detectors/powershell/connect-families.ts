import type { AuthMethod } from '../../../model/scan-finding.js';
import type { Session } from '../../core/detector.js';

/**
 * The sign-in cmdlets, by family: which parameters select which method. Parameter names are lower-case,
 * aliases included (Connect-AzAccount -MSI = -Identity, Connect-MgGraph -Credential = -ClientSecretCredential …).
 * Families are checked in `order`: the first matching method wins, `fallback` when none does.
 */
export interface ConnectFamily {
  /** Rule ids are `powershell/<id>-<variant>`. */
  id: string;
  label: string;
  cmdlets: readonly string[];
  /** The session the family's logins create (only Az does: later Az cmdlets use it). */
  session: Session | null;
  order: readonly FamilyVariant[];
  fallback: FamilyVariant;
  docUrl: string;
  /** Parameters holding the application (client) id, and the user's name. */
  clientIdParameters: readonly string[];
  userParameters: readonly string[];
}

export interface FamilyVariant {
  variant: 'user-password' | 'interactive' | 'service-principal-secret' | 'service-principal-certificate' | 'federated-token' | 'managed-identity' | 'access-token' | 'environment';
  method: AuthMethod;
  /** All of these groups must hold: each group is satisfied by any one parameter in it. */
  when: readonly (readonly string[])[];
  /** None of these may be present. */
  unless?: readonly string[];
  describe: string;
}

const CREDENTIAL = ['credential', 'credentials'];
const CERTIFICATE = ['certificatethumbprint', 'thumbprint', 'certificatepath', 'certificatefilepath', 'certificate', 'certificatename', 'certificatesubjectname', 'certificatebase64encoded'];

const AZ_ACCOUNT: ConnectFamily = {
  id: 'connect-azaccount',
  label: 'Connect-AzAccount',
  cmdlets: ['connect-azaccount', 'login-azaccount', 'add-azaccount', 'connect-azurermaccount', 'login-azurermaccount', 'add-azurermaccount', 'add-azureaccount'],
  session: 'azure-powershell',
  order: [
    { variant: 'federated-token', method: 'workload-federation', when: [['federatedtoken', 'clientassertion']], describe: 'with a federated token (workload identity federation)' },
    { variant: 'managed-identity', method: 'managed-identity', when: [['identity', 'msi', 'managedservice']], describe: 'with a managed identity' },
    { variant: 'access-token', method: 'ambient', when: [['accesstoken']], describe: 'with an access token obtained elsewhere' },
    { variant: 'service-principal-certificate', method: 'workload-certificate', when: [['serviceprincipal'], CERTIFICATE], describe: 'as a service principal with a certificate' },
    { variant: 'service-principal-secret', method: 'workload-secret', when: [['serviceprincipal']], describe: 'as a service principal with a client secret' },
    { variant: 'user-password', method: 'user-password', when: [CREDENTIAL], describe: 'with -Credential and no -ServicePrincipal: a user name and password (ROPC), which mandatory MFA blocks' },
  ],
  fallback: { variant: 'interactive', method: 'user-interactive', when: [], describe: 'interactively (browser or device code): a person must be there' },
  docUrl: 'https://learn.microsoft.com/powershell/module/az.accounts/connect-azaccount',
  clientIdParameters: ['applicationid', 'accountid', 'clientid'],
  userParameters: ['accountid'],
};

const MG_GRAPH: ConnectFamily = {
  id: 'connect-mggraph',
  label: 'Connect-MgGraph',
  cmdlets: ['connect-mggraph', 'connect-graph', 'connect-entra'],
  session: null,
  order: [
    { variant: 'managed-identity', method: 'managed-identity', when: [['identity']], describe: 'with a managed identity' },
    { variant: 'access-token', method: 'ambient', when: [['accesstoken']], describe: 'with an access token obtained elsewhere' },
    { variant: 'environment', method: 'ambient', when: [['environmentvariable']], describe: 'from Azure Identity environment variables (AZURE_CLIENT_SECRET, AZURE_USERNAME …): check what the environment sets' },
    { variant: 'service-principal-certificate', method: 'workload-certificate', when: [CERTIFICATE], describe: 'as an application with a certificate' },
    // The trap: -Credential is an alias of -ClientSecretCredential here, an app secret and not a user.
    { variant: 'service-principal-secret', method: 'workload-secret', when: [['clientsecretcredential', 'secretcredential', 'credential']], describe: 'with -ClientSecretCredential (alias -Credential): an application secret, not a user' },
  ],
  fallback: { variant: 'interactive', method: 'user-interactive', when: [], describe: 'with delegated scopes (browser or device code): a person must be there' },
  docUrl: 'https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/connect-mggraph',
  clientIdParameters: ['clientid', 'appid', 'applicationid'],
  userParameters: [],
};

/**
 * A Microsoft 365 / Entra module's connect cmdlet. `lacks` names the sign-in methods the cmdlet has no parameters
 * for (Connect-MsolService takes only a credential or tokens): no rule is declared for a call that cannot be written.
 */
function m365(id: string, label: string, cmdlets: readonly string[], docUrl: string, extra: readonly FamilyVariant[] = [], lacks: readonly FamilyVariant['variant'][] = []): ConnectFamily {
  const common: readonly FamilyVariant[] = [
    { variant: 'managed-identity', method: 'managed-identity', when: [['managedidentity', 'identity']], describe: 'with a managed identity' },
    { variant: 'access-token', method: 'ambient', when: [['accesstoken', 'accesstokens', 'aadaccesstoken', 'msaccesstoken', 'adgraphaccesstoken', 'msgraphaccesstoken']], describe: 'with an access token obtained elsewhere' },
    { variant: 'service-principal-certificate', method: 'workload-certificate', when: [CERTIFICATE], describe: 'as an application with a certificate' },
    { variant: 'user-password', method: 'user-password', when: [CREDENTIAL], describe: 'with -Credential: a user name and password, which mandatory MFA blocks' },
  ];
  return {
    id,
    label,
    cmdlets,
    session: null,
    order: [...extra, ...common.filter((variant) => !lacks.includes(variant.variant))],
    fallback: { variant: 'interactive', method: 'user-interactive', when: [], describe: 'interactively: a person must be there' },
    docUrl,
    clientIdParameters: ['applicationid', 'appid', 'clientid'],
    userParameters: ['userprincipalname', 'accountid'],
  };
}

export const CONNECT_FAMILIES: readonly ConnectFamily[] = [
  AZ_ACCOUNT,
  MG_GRAPH,
  // Connect-AzureAD: -Credential, -CertificateThumbprint with -ApplicationId, or -AadAccessToken; no managed identity.
  m365('connect-azuread', 'Connect-AzureAD', ['connect-azuread'], 'https://learn.microsoft.com/powershell/module/azuread/connect-azuread', [], ['managed-identity']),
  // Connect-MsolService: -Credential, or -AdGraphAccessToken / -MsGraphAccessToken; no certificate, no managed identity.
  m365('connect-msolservice', 'Connect-MsolService', ['connect-msolservice'], 'https://learn.microsoft.com/powershell/module/msonline/connect-msolservice', [], ['managed-identity', 'service-principal-certificate']),
  m365('connect-exchangeonline', 'Connect-ExchangeOnline', ['connect-exchangeonline', 'connect-ippssession'], 'https://learn.microsoft.com/powershell/module/exchange/connect-exchangeonline'),
  m365('connect-pnponline', 'Connect-PnPOnline', ['connect-pnponline'], 'https://pnp.github.io/powershell/cmdlets/Connect-PnPOnline.html', [
    { variant: 'federated-token', method: 'workload-federation', when: [['azureadworkloadidentity']], describe: 'with workload identity federation' },
    // Legacy SharePoint app-only (ACS): an app secret.
    { variant: 'service-principal-secret', method: 'workload-secret', when: [['clientsecret']], describe: 'with -ClientId/-ClientSecret (legacy SharePoint app-only): an application secret' },
  ]),
  // Connect-SPOService: -Credential, a certificate with -ClientId, or -ManagedIdentity; no access token.
  m365('connect-sposervice', 'Connect-SPOService', ['connect-sposervice'], 'https://learn.microsoft.com/powershell/module/sharepoint-online/connect-sposervice', [], ['access-token']),
  m365('connect-microsoftteams', 'Connect-MicrosoftTeams', ['connect-microsoftteams'], 'https://learn.microsoft.com/powershell/module/teams/connect-microsoftteams'),
  {
    id: 'get-msaltoken',
    label: 'Get-MsalToken',
    cmdlets: ['get-msaltoken'],
    session: null,
    order: [
      { variant: 'user-password', method: 'user-password', when: [['usercredential']], describe: 'with -UserCredential: MSAL username/password (ROPC), which mandatory MFA blocks' },
      { variant: 'service-principal-certificate', method: 'workload-certificate', when: [['clientcertificate']], describe: 'as an application with a certificate' },
      { variant: 'service-principal-secret', method: 'workload-secret', when: [['clientsecret']], describe: 'as an application with a client secret' },
    ],
    fallback: { variant: 'interactive', method: 'user-interactive', when: [], describe: 'interactively (browser, device code or Windows integrated auth)' },
    docUrl: 'https://github.com/AzureAD/MSAL.PS',
    clientIdParameters: ['clientid'],
    userParameters: ['loginhint'],
  },
];

export const FAMILY_BY_CMDLET: ReadonlyMap<string, ConnectFamily> = new Map(CONNECT_FAMILIES.flatMap((family) => family.cmdlets.map((cmdlet) => [cmdlet, family] as const)));

/** The variant a call's parameters select. */
export function variantFor(family: ConnectFamily, parameters: ReadonlySet<string>): FamilyVariant {
  for (const variant of family.order) {
    if (variant.unless?.some((name) => parameters.has(name))) continue;
    if (variant.when.every((group) => group.some((name) => parameters.has(name)))) return variant;
  }
  return family.fallback;
}
