# Reading another configuration's state from an azurerm backend signs in like a backend does.

data "terraform_remote_state" "network_msi" {
  backend = "azurerm"
  config = {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "network.tfstate"
    # ruleid: terraform/managed-identity
    use_msi              = true
  }
}

data "terraform_remote_state" "network_oidc" {
  backend = "azurerm"
  config = {
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "network.tfstate"
    # ruleid: terraform/oidc
    use_oidc             = true
    client_id            = "6f1c1d2e-0000-4000-8000-00000000000a"
  }
}

data "terraform_remote_state" "shared_secret" {
  backend = "azurerm"
  config = {
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "shared.tfstate"
    client_id            = var.state_reader_id
    # ruleid: terraform/client-secret
    client_secret        = var.state_reader_secret
    tenant_id            = var.tenant_id
  }
}

data "terraform_remote_state" "shared_cert" {
  backend = "azurerm"
  config = {
    storage_account_name    = "sttfstate"
    container_name          = "tfstate"
    key                     = "shared.tfstate"
    # ruleid: terraform/client-certificate
    "client_certificate_path" = "/certs/state-reader.pfx"
  }
}

# No credential: whoever runs Terraform reads this state with their az login.
# ruleid: terraform/azure-cli-default
data "terraform_remote_state" "platform" {
  backend = "azurerm"
  config = {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "platform.tfstate"
  }
}

# A storage key reaches the storage account, not Entra ID.
# ok: terraform/azure-cli-default
data "terraform_remote_state" "keyed" {
  backend = "azurerm"
  config = {
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "keyed.tfstate"
    access_key           = var.state_access_key
  }
}

# Another backend, or a config built elsewhere, is not read as azurerm.
# ok: terraform/azure-cli-default
data "terraform_remote_state" "aws" {
  backend = "s3"
  config = {
    bucket = "tfstate"
    key    = "network.tfstate"
  }
}

# ok: terraform/azure-cli-default
data "terraform_remote_state" "indirect" {
  backend = "azurerm"
  config  = var.remote_state_config
}
