#!/usr/bin/env bash
# Azure CLI sign-ins, one per line, with the catalog's traps.
set -euo pipefail

SVC_USER="svc-deploy@contoso.com"

# ruleid: shell/az-login-user-password @1
az login -u "$SVC_USER" -p "$SVC_PASSWORD"

# ruleid: shell/az-login-user-password
az login --username svc-build@contoso.com --password="$BUILD_PASSWORD" --tenant contoso.onmicrosoft.com

# The password flag in its = form and from a file.
# ruleid: shell/az-login-user-password
az login -u "${AZ_USER}" -p=@/run/secrets/pw

# Backslash line continuations.
# ruleid: shell/az-login-user-password
az login \
  --username "$SVC_USER" \
  --password "$SVC_PASSWORD" \
  --allow-no-subscriptions

# ruleid: shell/az-login-service-principal-secret
az login --service-principal -u "$ARM_CLIENT_ID" -p "$ARM_CLIENT_SECRET" --tenant "$ARM_TENANT_ID"

# ruleid: shell/az-login-service-principal-certificate
az login --service-principal -u 11111111-2222-3333-4444-555555555555 --certificate /etc/ssl/sp.pem --tenant contoso.onmicrosoft.com

# Older CLIs took the PEM path in -p.
# ruleid: shell/az-login-service-principal-certificate
az login --service-principal -u "$APP_ID" -p /secrets/sp.pem --tenant "$TENANT"

# ruleid: shell/az-login-federated-token
az login --service-principal -u "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")"

# ruleid: shell/az-login-managed-identity
az login --identity

# ruleid: shell/az-login-managed-identity
az login -i --client-id 22222222-3333-4444-5555-666666666666 --allow-no-subscriptions

# ruleid: shell/az-login-interactive
az login

# ruleid: shell/az-login-interactive
az login --use-device-code --tenant contoso.onmicrosoft.com

# ruleid: shell/az-login-interactive
az login --scope https://management.core.windows.net//.default

# A wrapper command still runs az.
# ruleid: shell/az-login-user-password
sudo az login -u ops@contoso.com -p "$OPS_PW"

# Inside a function and a loop: still executed.
deploy() {
  # ruleid: shell/az-login-user-password
  az login -u "$1" -p "$2"
}

# The deprecated -u form of a user-assigned managed identity: still a managed identity, not a user.
# ok: shell/az-login-user-password
# ruleid: shell/az-login-managed-identity
az login --identity -u 22222222-3333-4444-5555-666666666666

# Flags that do not change the identity.
# ruleid: shell/az-login-user-password
az login -u ops@contoso.com -p "$OPS_PW" --tenant contoso.onmicrosoft.com --claims-challenge "$CHALLENGE" --allow-no-subscriptions
