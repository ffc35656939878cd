# Microsoft 365 module sign-ins with tokens, certificates and managed identities.
$tenantId = 'contoso.onmicrosoft.com'
$appId = '99999999-aaaa-bbbb-cccc-dddddddddddd'
$thumb = (Get-AutomationVariable -Name 'ReportingCertThumbprint')
$cert = Get-Item "Cert:\CurrentUser\My\$thumb"

# ruleid: powershell/connect-msolservice-access-token
Connect-MsolService -AdGraphAccessToken $adGraphToken -MsGraphAccessToken $graphToken

# ruleid: powershell/connect-exchangeonline-access-token
Connect-ExchangeOnline -AccessToken $exoToken -Organization contoso.onmicrosoft.com

# ruleid: powershell/connect-pnponline-access-token
Connect-PnPOnline -Url https://contoso.sharepoint.com/sites/finance -AccessToken $spoToken

# ruleid: powershell/connect-sposervice-managed-identity
Connect-SPOService -Url https://contoso-admin.sharepoint.com -ManagedIdentity
# ruleid: powershell/connect-sposervice-service-principal-certificate
Connect-SPOService -Url https://contoso-admin.sharepoint.com -ClientId $appId -TenantId $tenantId -CertificateThumbprint $thumb

# ruleid: powershell/connect-microsoftteams-access-token
Connect-MicrosoftTeams -AccessTokens @($graphToken, $teamsToken)
# ruleid: powershell/connect-microsoftteams-interactive
Connect-MicrosoftTeams -UseDeviceAuthentication

# ruleid: powershell/get-msaltoken-service-principal-certificate
$token = Get-MsalToken -ClientId $appId -TenantId $tenantId -ClientCertificate $cert -Scopes 'https://graph.microsoft.com/.default'

# ADAL (retired) with an application certificate.
# ruleid: powershell/adal-client-certificate
$assertion = New-Object Microsoft.IdentityModel.Clients.ActiveDirectory.ClientAssertionCertificate($appId, $cert)
