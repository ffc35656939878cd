param location string = resourceGroup().location
@secure()
param adminPassword string
param scriptIdentityId string

// ruleid: bicep/deployment-script-managed-identity
resource cleanup 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'cleanup'
  location: location
  kind: 'AzurePowerShell'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${scriptIdentityId}': {}
    }
  }
  properties: {
    azPowerShellVersion: '11.0'
    retentionInterval: 'PT1H'
    scriptContent: '''
      Get-AzResourceGroup -Name 'rg-old' | Remove-AzResourceGroup -Force
      # ruleid: powershell/az-deployment-ambient
      New-AzResourceGroupDeployment -ResourceGroupName 'rg-app' -TemplateFile ./main.json
    '''
  }
}

resource legacyLogin 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'legacy-login'
  location: location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    environmentVariables: [
      { name: 'AZURE_USERNAME', value: 'deploy-bot@contoso.com' }
      // ruleid: config-env/azure-username-password
      { name: 'AZURE_PASSWORD', secureValue: adminPassword }
    ]
    scriptContent: '''
# ruleid: shell/az-login-user-password
az login -u "$AZURE_USERNAME" -p "$AZURE_PASSWORD"
az group list --output table
'''
  }
}

// A commented-out resource is not a deployment:
// resource old 'Microsoft.Resources/deploymentScripts@2020-10-01' = { identity: {} }

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'reporting'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AZURE_CLIENT_ID', value: '99999999-0000-1111-2222-333333333333' }
        // ruleid: config-env/azure-client-secret
        { name: 'AZURE_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/sp)' }
        // ok: config-env/azure-username-password
        { name: 'DB_PASSWORD', value: 'unrelated' }
      ]
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // ruleid: config-env/azure-federated-token
    AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token'
  }
}

module worker './modules/function-app.bicep' = {
  name: 'worker'
  params: {
    appSettings: [
      { name: 'AZURE_USERNAME', value: 'worker-svc@contoso.com' }
      // ruleid: config-env/azure-username-password
      { name: 'AZURE_PASSWORD', value: workerPassword }
    ]
  }
}
