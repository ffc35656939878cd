# Az / AzureRM sign-ins: every parameter set of Connect-AzAccount and its aliases.
param([string]$TenantId)

$user = 'svc-automation@contoso.com'
$secure = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $secure)

# ruleid: powershell/connect-azaccount-user-password @1
Connect-AzAccount -Credential $cred -Tenant $TenantId

# Aliases behave the same.
# ruleid: powershell/connect-azaccount-user-password
Login-AzAccount -Credential $cred
# ruleid: powershell/connect-azaccount-user-password
Add-AzAccount -Credential $cred -SubscriptionId 00000000-0000-0000-0000-000000000000
# ruleid: powershell/connect-azaccount-user-password
Login-AzureRmAccount -Credential $cred
# ruleid: powershell/connect-azaccount-user-password
Add-AzureAccount -Credential $cred

# The [PSCredential]::new form, built inline.
# ruleid: powershell/connect-azaccount-user-password
Connect-AzAccount -Credential ([pscredential]::new('ops@contoso.com', (ConvertTo-SecureString $env:OPS_PW -AsPlainText -Force)))

# Backtick line continuations.
# ruleid: powershell/connect-azaccount-user-password
Connect-AzAccount `
  -Tenant $TenantId `
  -Credential $cred `
  -Force

# ruleid: powershell/connect-azaccount-interactive
Connect-AzAccount

# ruleid: powershell/connect-azaccount-interactive
Connect-AzAccount -UseDeviceAuthentication -Tenant $TenantId

# ruleid: powershell/connect-azaccount-interactive
Connect-AzAccount -DeviceCode

# The application id sits in the credential's user name for a service principal.
$appCred = New-Object PSCredential('44444444-5555-6666-7777-888888888888', (ConvertTo-SecureString $env:SP_SECRET -AsPlainText -Force))
# ruleid: powershell/connect-azaccount-service-principal-secret
Connect-AzAccount -ServicePrincipal -Credential $appCred -Tenant $TenantId

# -ServicePrincipal:$false is no service principal.
# ruleid: powershell/connect-azaccount-user-password
Connect-AzAccount -ServicePrincipal:$false -Credential $cred

# ruleid: powershell/connect-azaccount-service-principal-certificate
Connect-AzAccount -ServicePrincipal -ApplicationId 55555555-6666-7777-8888-999999999999 -CertificateThumbprint $thumb -Tenant $TenantId

# ruleid: powershell/connect-azaccount-service-principal-certificate
Connect-AzAccount -ServicePrincipal -ApplicationId $env:APP_ID -CertificatePath ./sp.pfx -Tenant $TenantId

# ruleid: powershell/connect-azaccount-federated-token
Connect-AzAccount -ServicePrincipal -ApplicationId $env:AZURE_CLIENT_ID -Tenant $env:AZURE_TENANT_ID -FederatedToken $env:ID_TOKEN

# ruleid: powershell/connect-azaccount-managed-identity
Connect-AzAccount -Identity

# ruleid: powershell/connect-azaccount-managed-identity
Connect-AzAccount -Identity -AccountId 66666666-7777-8888-9999-000000000000

# ruleid: powershell/connect-azaccount-managed-identity
Connect-AzAccount -MSI

# ruleid: powershell/connect-azaccount-access-token
Connect-AzAccount -AccessToken $token -AccountId ops@contoso.com
