# Microsoft 365 and Entra modules: -Credential without an app, certificate or identity is a user password.
$cred = Get-AutomationPSCredential -Name 'M365Admin'

# ruleid: powershell/connect-azuread-user-password
Connect-AzureAD -Credential $cred
# ruleid: powershell/connect-azuread-service-principal-certificate
Connect-AzureAD -TenantId $tenant -ApplicationId 77777777-8888-9999-0000-111111111111 -CertificateThumbprint $thumb
# ruleid: powershell/connect-azuread-interactive
Connect-AzureAD
# ruleid: powershell/connect-azuread-access-token
Connect-AzureAD -AadAccessToken $aad -AccountId admin@contoso.com

# ruleid: powershell/connect-msolservice-user-password
Connect-MsolService -Credential $cred
# ruleid: powershell/connect-msolservice-interactive
Connect-MsolService

# ruleid: powershell/connect-exchangeonline-user-password
Connect-ExchangeOnline -Credential $cred -ShowBanner:$false
# ruleid: powershell/connect-exchangeonline-user-password
Connect-IPPSSession -Credential $cred
# ruleid: powershell/connect-exchangeonline-service-principal-certificate
Connect-ExchangeOnline -CertificateThumbprint $thumb -AppId $appId -Organization contoso.onmicrosoft.com
# ruleid: powershell/connect-exchangeonline-managed-identity
Connect-ExchangeOnline -ManagedIdentity -Organization contoso.onmicrosoft.com
# ruleid: powershell/connect-exchangeonline-interactive
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com

# PnP takes -Credentials (plural).
# ruleid: powershell/connect-pnponline-user-password
Connect-PnPOnline -Url https://contoso.sharepoint.com -Credentials $cred
# ruleid: powershell/connect-pnponline-service-principal-secret
Connect-PnPOnline -Url https://contoso.sharepoint.com -ClientId $env:PNP_CLIENT_ID -ClientSecret $env:PNP_SECRET
# ruleid: powershell/connect-pnponline-service-principal-certificate
Connect-PnPOnline -Url https://contoso.sharepoint.com -ClientId $clientId -Thumbprint $thumb -Tenant contoso.onmicrosoft.com
# ruleid: powershell/connect-pnponline-managed-identity
Connect-PnPOnline -Url https://contoso.sharepoint.com -ManagedIdentity
# ruleid: powershell/connect-pnponline-federated-token
Connect-PnPOnline -Url https://contoso.sharepoint.com -AzureADWorkloadIdentity
# ruleid: powershell/connect-pnponline-interactive
Connect-PnPOnline -Url https://contoso.sharepoint.com -Interactive

# ruleid: powershell/connect-sposervice-user-password
Connect-SPOService -Url https://contoso-admin.sharepoint.com -Credential $cred
# ruleid: powershell/connect-sposervice-interactive
Connect-SPOService -Url https://contoso-admin.sharepoint.com

# ruleid: powershell/connect-microsoftteams-user-password
Connect-MicrosoftTeams -Credential $cred
# ruleid: powershell/connect-microsoftteams-managed-identity
Connect-MicrosoftTeams -Identity
# ruleid: powershell/connect-microsoftteams-service-principal-certificate
Connect-MicrosoftTeams -CertificateThumbprint $thumb -ApplicationId $appId -TenantId $tenant
