/*
provider "azurerm" {
  client_secret = var.old_secret
  features {}
}
*/

# ruleid: terraform/client-secret
provider "azuread" { client_secret = var.sp_secret }
