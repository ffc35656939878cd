terraform {
  backend "azurerm" {
    resource_group_name  = "rg-state"
    storage_account_name = "tfstate"
    container_name       = "state"
    key                  = "prod.tfstate"
    use_azuread_auth     = true
    # ruleid: terraform/oidc
    use_oidc             = true
  }
}

# ruleid: terraform/azure-cli-default
provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}
