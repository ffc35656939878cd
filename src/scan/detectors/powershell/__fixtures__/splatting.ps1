# Parameters that arrive by splatting, and credentials from Azure Automation assets.

$cred = Get-AutomationPSCredential -Name 'AzureDeployAccount'
$params = @{
    Credential = $cred
    Tenant     = 'contoso.onmicrosoft.com'
}
# ruleid: powershell/connect-azaccount-user-password
Connect-AzAccount @params

$sp = @{ ServicePrincipal = $true; Credential = (Get-AutomationPSCredential -Name 'DeploySpn'); Tenant = $env:TENANT }
# ruleid: powershell/connect-azaccount-service-principal-secret
Connect-AzAccount @sp

# A key added after the hashtable was built.
$late = @{ Tenant = 'contoso.onmicrosoft.com' }
$late.Credential = Get-Credential -UserName 'late@contoso.com'
# ruleid: powershell/connect-azaccount-user-password
Connect-AzAccount @late

$mi = @{ Identity = $true }
# ruleid: powershell/connect-azaccount-managed-identity
Connect-AzAccount @mi -ErrorAction Stop

# Azure Automation Run As (retired): a certificate service principal from the connection asset.
$conn = Get-AutomationConnection -Name AzureRunAsConnection
# ruleid: powershell/automation-run-as-certificate
Connect-AzAccount -ServicePrincipal -Tenant $conn.TenantID -ApplicationId $conn.ApplicationID -CertificateThumbprint $conn.CertificateThumbprint

# Deployments use the context made above: resolved to the nearest preceding Az login.
# ruleid: powershell/az-deployment-ambient
New-AzResourceGroupDeployment -ResourceGroupName rg-app -TemplateFile ./main.bicep

# ruleid: powershell/az-deployment-ambient
New-AzSubscriptionDeployment -Location westeurope -TemplateFile ./sub.bicep
