# A token passed in is ambient: it resolves to the nearest preceding login in the script.
$cred = Get-AutomationPSCredential -Name 'GraphSync'
# ruleid: powershell/connect-azaccount-user-password
Connect-AzAccount -Credential $cred
$token = (Get-AzAccessToken -ResourceTypeName MSGraph).Token
# ruleid: powershell/connect-mggraph-access-token
Connect-MgGraph -AccessToken ($token | ConvertTo-SecureString -AsPlainText -Force)

# az from PowerShell is the Azure CLI: the shell rules apply.
# ruleid: shell/az-login-user-password
az login -u svc-cli@contoso.com -p $env:CLI_PASSWORD
# ruleid: shell/az-deployment-ambient
az deployment group create -g rg-app -f main.bicep
# ruleid: shell/az-login-service-principal-secret
& az login --service-principal -u $env:ARM_CLIENT_ID -p $env:ARM_CLIENT_SECRET --tenant $env:ARM_TENANT_ID

# Process environment for DefaultAzureCredential in a child process.
# ruleid: shell/env-azure-username-password
$env:AZURE_USERNAME = 'reports@contoso.com'
$env:AZURE_PASSWORD = $env:REPORTS_PASSWORD
