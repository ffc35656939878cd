# Flow-sensitive resolution (core/flow/): an ambient step resolves to a login only when every path to it passes
# that one login. The expected method and login line of each step are in src/scan/core/resolve-ambient.test.ts.
param([string]$Environment, [pscredential]$Credential)

# A login in one switch branch never resolves a use in another branch: the deployment stays ambient.
switch ($Environment) {
    'prod' {
        # ruleid: powershell/connect-azaccount-user-password
        Connect-AzAccount -Credential $Credential
    }
    'test' {
        # ruleid: powershell/az-deployment-ambient
        New-AzResourceGroupDeployment -ResourceGroupName rg-test -TemplateFile main.bicep
    }
}

# After the switch, the prod login may or may not have run: still ambient, with a note naming line 9.
# ruleid: powershell/az-deployment-ambient
New-AzSubscriptionDeployment -Location westeurope -TemplateFile sub.bicep

# A login before the branching resolves a use inside any branch.
# ruleid: powershell/connect-azaccount-managed-identity
Connect-AzAccount -Identity
if ($Environment -eq 'prod') {
    # ruleid: powershell/az-deployment-ambient
    New-AzResourceGroupDeployment -ResourceGroupName rg-prod -TemplateFile main.bicep
} elseif ($Environment -eq 'test') {
    # ruleid: powershell/connect-azaccount-user-password
    Connect-AzAccount -Credential $Credential
} else {
    Write-Output 'nothing to do'
}
# Two logins can reach this one (line 23, or line 29 on the test path): it depends on the path, so it stays ambient.
# ruleid: powershell/az-deployment-ambient
New-AzManagementGroupDeployment -ManagementGroupId mg -Location westeurope -TemplateFile mg.bicep

# Every arm signs in the same way, or leaves: the one login that can reach the deployment resolves it.
if ($Environment -eq 'prod') {
    # ruleid: powershell/connect-azaccount-service-principal-certificate
    Connect-AzAccount -ServicePrincipal -ApplicationId 33333333-4444-5555-6666-777777777777 -CertificateThumbprint $env:THUMB -Tenant contoso.onmicrosoft.com
} else {
    throw 'only prod deploys'
}
# ruleid: powershell/az-deployment-ambient
New-AzTenantDeployment -Location westeurope -TemplateFile tenant.bicep

# The runbook pattern: sign in inside try, stop in catch.
try {
    # ruleid: powershell/connect-azaccount-managed-identity
    Connect-AzAccount -Identity -AccountId 66666666-7777-8888-9999-000000000000
} catch {
    Write-Error -Message $_.Exception
    exit 1
}
foreach ($group in 'rg-a', 'rg-b') {
    # ruleid: powershell/az-deployment-ambient
    New-AzResourceGroupDeployment -ResourceGroupName $group -TemplateFile main.bicep
}

# A login inside a function resolves the uses after it in that function, and the uses after a call to it.
function Connect-Deployer {
    # ruleid: powershell/connect-azaccount-federated-token
    Connect-AzAccount -ServicePrincipal -ApplicationId $env:AZURE_CLIENT_ID -Tenant $env:AZURE_TENANT_ID -FederatedToken $env:ID_TOKEN
    # ruleid: powershell/az-deployment-ambient
    New-AzResourceGroupDeployment -ResourceGroupName rg-fn -TemplateFile fn.bicep
}
Connect-Deployer
# ruleid: powershell/az-deployment-ambient
New-AzResourceGroupDeployment -ResourceGroupName rg-after -TemplateFile after.bicep

# -AccessToken with a token from elsewhere is not a login: the use after it stays ambient (no earlier login counts).
# ruleid: powershell/connect-azaccount-access-token
Connect-AzAccount -AccessToken $env:ARM_TOKEN -AccountId deployer@contoso.com
# ruleid: powershell/az-deployment-ambient
New-AzResourceGroupDeployment -ResourceGroupName rg-token -TemplateFile token.bicep

# A token taken from the Az session in this script is that session's: Connect-MgGraph resolves to the login above it.
# ruleid: powershell/connect-azaccount-managed-identity
Connect-AzAccount -Identity
# ok: powershell/connect-mggraph-access-token
$graphToken = (Get-AzAccessToken -ResourceTypeName MSGraph).Token
# ruleid: powershell/connect-mggraph-access-token
Connect-MgGraph -AccessToken ($graphToken | ConvertTo-SecureString -AsPlainText -Force)
