terraform {
  # A storage account key authenticates to storage, not to Entra ID.
  # ok: terraform/azure-cli-default
  backend "azurerm" {
    storage_account_name = "tfstate"
    container_name       = "state"
    key                  = "prod.tfstate"
    # ok: terraform/client-secret
    access_key           = "storage-key-placeholder"
  }
}
