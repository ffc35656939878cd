# The Azure CLI called from PowerShell is classified by the shell detector's rules (one behaviour, one rule id).
param([string]$Environment = 'prod')

$user = 'reporting@contoso.com'
$password = Get-AutomationVariable -Name 'ReportingPassword'
# ruleid: shell/az-login-user-password
az login --username $user --password $password --allow-no-subscriptions
# ruleid: shell/az-deployment-ambient
az deployment sub create --location westeurope --template-file ./main.bicep --parameters env=$Environment

if ($Environment -eq 'dev') {
    # ruleid: shell/az-login-interactive
    az login --use-device-code
}

function Connect-Pipeline {
    # ruleid: shell/az-login-federated-token
    az login --service-principal -u $env:AZURE_CLIENT_ID --tenant $env:AZURE_TENANT_ID --federated-token $env:ID_TOKEN
}

# ruleid: shell/az-login-managed-identity
& az.cmd login --identity --client-id 0d2c5f4e-1111-4222-8333-944445555666
# ruleid: shell/az-deployment-ambient
az group deployment create -g rg-legacy --template-file legacy.json `
    --parameters admin=ops

# ruleid: powershell/connect-azaccount-user-password @50
powershell.exe -ExecutionPolicy Bypass -Command "Connect-AzAccount -Credential $cred -Tenant contoso.onmicrosoft.com"

# Listing and showing do not sign in or deploy; strings and comments are not calls.
# ok: shell/az-login-interactive
az account show --query id -o tsv
# ok: shell/az-login-user-password
Write-Host "az login -u $user -p <password>"
# az login -u someone@contoso.com -p secret
# ok: shell/az-deployment-ambient
$help = 'az deployment group create -g rg -f main.bicep'
