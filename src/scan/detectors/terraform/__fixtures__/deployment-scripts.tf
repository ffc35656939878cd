# Deployment scripts declared in Terraform: the script runs as the resource's managed identity.

# ruleid: terraform/deployment-script-managed-identity
resource "azurerm_resource_deployment_script_azure_power_shell" "rotate" {
  name                = "rotate-keys"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "westeurope"
  version             = "11.0"
  retention_interval  = "P1D"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.scripts.id]
  }
  script_content = <<-EOT
    Get-AzKeyVault -VaultName ${var.vault_name}
    # ruleid: powershell/az-deployment-ambient
    New-AzResourceGroupDeployment -ResourceGroupName 'rg-ops' -TemplateFile ./rotate.json
  EOT
}

resource "azurerm_resource_deployment_script_azure_cli" "seed" {
  name                = "seed-data"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "westeurope"
  version             = "2.61.0"
  retention_interval  = "P1D"
  script_content      = <<EOT
# No identity: the script signs in by itself, as a user.
# ruleid: shell/az-login-user-password
az login -u seed-bot@contoso.com -p "$SEED_PASSWORD"
EOT
}

# An ARM deployment script through azapi: kind and scriptContent in the body.
# ruleid: terraform/deployment-script-managed-identity
resource "azapi_resource" "purge" {
  type      = "Microsoft.Resources/deploymentScripts@2023-08-01"
  name      = "purge"
  parent_id = azurerm_resource_group.ops.id
  location  = "westeurope"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.scripts.id]
  }
  body = {
    kind = "AzureCLI"
    properties = {
      azCliVersion      = "2.61.0"
      retentionInterval = "PT1H"
      scriptContent     = <<-EOT
        az group list -o table
        # ruleid: shell/az-deployment-ambient
        az deployment group create -g rg-ops -f purge.bicep
      EOT
    }
  }
}

# Any other azapi resource is not a script.
resource "azapi_resource" "other" {
  type      = "Microsoft.Web/sites@2023-12-01"
  name      = "site"
  parent_id = azurerm_resource_group.ops.id
  body = {
    properties = {
      # ok: shell/az-deployment-ambient
      scriptContent = "az deployment group create -g rg -f x.bicep"
    }
  }
}
