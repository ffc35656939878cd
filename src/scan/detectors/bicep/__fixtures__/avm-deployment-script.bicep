// Deployment scripts through the Azure Verified Module: the resource's settings arrive as params.
param scriptIdentityId string
param environment string

// ruleid: bicep/deployment-script-managed-identity
module purge 'br/public:avm/res/resources/deployment-script:0.5.1' = {
  name: 'purge-${environment}'
  params: {
    name: 'purge'
    kind: 'AzureCLI'
    azCliVersion: '2.61.0'
    managedIdentities: {
      userAssignedResourceIds: [ scriptIdentityId ]
    }
    scriptContent: '''
      az group list -o table
      # ruleid: shell/az-deployment-ambient
      az deployment group create -g rg-${environment} -f purge.json
    '''
  }
}

module legacy 'br/public:avm/res/resources/deployment-script:0.5.1' = {
  name: 'legacy'
  params: {
    name: 'legacy'
    kind: 'AzurePowerShell'
    azPowerShellVersion: '12.3'
    // No managed identity: the script signs in by itself, and here as a user.
    // ruleid: powershell/connect-azaccount-user-password @47
    scriptContent: 'param([pscredential] $c); Connect-AzAccount -Credential $c -Tenant ${environment}'
  }
}

// Another registry module with a scriptContent param is not a deployment script.
module other 'br/public:avm/res/web/site:0.3.0' = {
  name: 'site'
  params: {
    // ok: shell/az-deployment-ambient
    scriptContent: 'az deployment group create -g rg -f x.json'
  }
}
