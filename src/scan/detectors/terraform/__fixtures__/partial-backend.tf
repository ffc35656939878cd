terraform {
  # Partial configuration: `terraform init -backend-config=prod.tfbackend` supplies the rest.
  # ruleid: terraform/azure-cli-default
  backend "azurerm" {}

  required_providers {
    azurerm = { source = "hashicorp/azurerm" }
    azuread = { source = "hashicorp/azuread" }
    azapi   = { source = "azure/azapi" }
  }
}

# ruleid: terraform/azure-cli-default
provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}

# ruleid: terraform/azure-cli-default
provider "azuread" {
  tenant_id = var.tenant_id
}

# ruleid: terraform/azure-cli-default
provider "azapi" {
}

# use_cli = false with nothing else: the ARM_* environment decides, nothing to report here.
# ok: terraform/azure-cli-default
provider "azurerm" {
  alias    = "pipeline"
  features {}
  use_cli  = false
}
