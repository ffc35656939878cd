# Values here are fake; each has the shape of the secret it stands for.
provider "azurerm" {
  features {}
  # ok: secret-literal/client-secret
  client_id     = "9a8b7c6d-0000-1111-2222-333344445555"
  # ruleid: secret-literal/client-secret
  client_secret = "Fake-terraform-secret-1"
  # ok: secret-literal/client-secret
  tenant_id     = var.tenant_id
}

provider "azuread" {
  # ok: secret-literal/client-secret
  client_secret = var.client_secret
  # ok: secret-literal/password
  use_oidc = true
}

resource "random_password" "db" {
  # todook: secret-literal/password
  password_length = 24
}
