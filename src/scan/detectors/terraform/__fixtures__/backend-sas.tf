terraform {
  backend "azurerm" {
    storage_account_name = "tfstate"
    container_name       = "state"
    key                  = "shared.tfstate"
    # ok: terraform/azure-cli-default
    sas_token            = var.sas_token
  }
}
