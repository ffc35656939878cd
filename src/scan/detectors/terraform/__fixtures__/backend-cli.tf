terraform {
  # Entra auth for state with no credentials: the backend uses the Azure CLI login.
  # ruleid: terraform/azure-cli-default
  backend "azurerm" {
    storage_account_name = "tfstate"
    container_name       = "state"
    key                  = "dev.tfstate"
    use_azuread_auth     = true
  }
}

variable "client_secret" {
  # ok: terraform/client-secret
  description = "client_secret for another system"
  sensitive   = true
}

resource "azuread_application_password" "app" {
  # ok: terraform/client-secret
  application_id = azuread_application.app.id
}
