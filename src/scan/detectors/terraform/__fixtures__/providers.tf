terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm" }
  }
}

# No credential arguments: Terraform falls back to the Azure CLI login.
# ruleid: terraform/azure-cli-default
provider "azurerm" {
  features {}
}

provider "azurerm" {
  alias           = "secret"
  client_id       = "5a1d2c3e-0000-4000-8000-000000000001"
  tenant_id       = var.tenant_id
  # ruleid: terraform/client-secret
  client_secret   = var.client_secret
  features {}
}

provider "azuread" {
  alias = "cert"
  # ruleid: terraform/client-certificate
  client_certificate_path     = "/certs/sp.pfx"
  client_certificate_password = var.cert_password
}

provider "azapi" {
  # ruleid: terraform/oidc
  use_oidc = true
}

provider "azurerm" {
  alias = "msi"
  # ok: terraform/client-secret
  # client_secret = var.commented_out
  # ruleid: terraform/managed-identity
  use_msi = true
  features {}
}

provider "azurerm" {
  alias = "ado"
  # ruleid: terraform/oidc
  ado_pipeline_service_connection_id = var.service_connection_id
  features {}
}

provider "azurerm" {
  alias = "aks"
  # ok: terraform/managed-identity
  use_msi = false
  # ruleid: terraform/oidc
  use_aks_workload_identity = true
  features {}
}

# A provider that is not Azure's: its use_oidc is not an Entra sign-in.
# ok: terraform/oidc
provider "aws" {
  region = "eu-west-1"
}

# Disabling the CLI leaves the ARM_* environment to decide: nothing to report here.
# ok: terraform/azure-cli-default
provider "azuread" {
  alias   = "env"
  use_cli = false
}
