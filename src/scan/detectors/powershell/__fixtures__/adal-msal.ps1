# ADAL and MSAL called from PowerShell are classified like their .NET counterparts.
Add-Type -Path ./Microsoft.IdentityModel.Clients.ActiveDirectory.dll
$ctx = New-Object Microsoft.IdentityModel.Clients.ActiveDirectory.AuthenticationContext('https://login.microsoftonline.com/contoso.onmicrosoft.com')

# ruleid: powershell/adal-user-password
$userCred = New-Object Microsoft.IdentityModel.Clients.ActiveDirectory.UserPasswordCredential('adal@contoso.com', $env:ADAL_PW)
$result = $ctx.AcquireTokenAsync('https://management.azure.com/', $clientId, $userCred).Result

# ruleid: powershell/adal-user-password
$uc = [Microsoft.IdentityModel.Clients.ActiveDirectory.UserPasswordCredential]::new($env:ADAL_USER, $env:ADAL_PW)

# ruleid: powershell/adal-client-secret
$cc = New-Object Microsoft.IdentityModel.Clients.ActiveDirectory.ClientCredential($clientId, $secret)

$app = [Microsoft.Identity.Client.PublicClientApplicationBuilder]::Create($clientId).Build()
# ruleid: powershell/msal-user-password
$r = $app.AcquireTokenByUsernamePassword($scopes, 'msal@contoso.com', $securePw).ExecuteAsync().Result
# ruleid: powershell/msal-interactive
$r = $app.AcquireTokenInteractive($scopes).ExecuteAsync().Result
# ruleid: powershell/msal-interactive
$r = $app.AcquireTokenWithDeviceCode($scopes, $callback).ExecuteAsync().Result

$confidential = [Microsoft.Identity.Client.ConfidentialClientApplicationBuilder]::Create($clientId).WithClientSecret($secret).Build()
# ruleid: powershell/msal-client-credentials
$r = $confidential.AcquireTokenForClient($scopes).ExecuteAsync().Result

# MSAL.PS
# ruleid: powershell/get-msaltoken-user-password
Get-MsalToken -ClientId $clientId -TenantId $tenant -UserCredential $cred
# ruleid: powershell/get-msaltoken-service-principal-secret
Get-MsalToken -ClientId $clientId -TenantId $tenant -ClientSecret $secureSecret
# ruleid: powershell/get-msaltoken-interactive
Get-MsalToken -ClientId $clientId -TenantId $tenant -Interactive

# Raw ROPC token request.
$body = @{
    grant_type = 'password'
    client_id  = '1950a258-227b-4e31-a9cf-717495945fc2'
    username   = 'rest@contoso.com'
    password   = $env:REST_PW
    resource   = 'https://management.azure.com/'
}
# ruleid: powershell/token-request-user-password
Invoke-RestMethod -Method Post -Uri "https://login.microsoftonline.com/$tenant/oauth2/token" -Body $body

# Client credentials are not a user.
# ok: powershell/token-request-user-password
Invoke-RestMethod -Method Post -Uri "https://login.microsoftonline.com/$tenant/oauth2/v2.0/token" -Body @{ grant_type = 'client_credentials'; client_id = $clientId; client_secret = $secret }
