#!/bin/bash
# Things that mention az login but do not sign in.

# ok: shell/az-login-user-password
# az login -u admin@contoso.com -p hunter2

# ok: shell/az-login-user-password, shell/az-login-interactive
echo "run: az login -u you@contoso.com -p <password>"

# ok: shell/az-login-interactive
az account show

# ok: shell/az-deployment-ambient
az group list --output table

# ok: shell/az-login-interactive
az_login_helper() { echo helper; }

# ok: shell/az-login-user-password
password="$(cat /run/secrets/db)"

usage() {
  # ok: shell/az-login-user-password
  cat <<HELP
Sign in first: az login -u USER -p PASSWORD
HELP
}

# ok: shell/terraform-ambient
terraform fmt -check

# ok: shell/terraform-ambient
terraform init -backend=false

# Exported but switched off: no managed identity.
# ok: shell/env-arm-msi
export ARM_USE_MSI=false
