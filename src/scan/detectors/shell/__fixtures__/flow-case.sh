#!/usr/bin/env bash
# Flow-sensitive resolution (core/flow/): an ambient step resolves to a login only when every path to it passes
# that one login. The expected method and login line of each step are in src/scan/core/resolve-ambient.test.ts.
set -euo pipefail

# A login in one case arm never resolves a use in another arm.
case "${1:-}" in
  prod)
    # ruleid: shell/az-login-user-password
    az login -u deploy@contoso.com -p "$DEPLOY_PASSWORD"
    ;;
  test)
    # ruleid: shell/az-deployment-ambient
    az deployment group create -g rg-test -f main.bicep
    ;;
esac

# After the case, the prod login may or may not have run: still ambient.
# ruleid: shell/terraform-ambient
terraform plan -out tfplan

# A login before the branching resolves a use in either arm; every arm of an exhaustive case signing in the same
# way (or leaving) resolves the use after it.
# ruleid: shell/az-login-managed-identity
az login --identity
if [ "${1:-}" = prod ]; then
  # ruleid: shell/az-deployment-ambient
  az deployment sub create --location westeurope -f sub.bicep
fi
case "${2:-}" in
  blue)
    # ruleid: shell/az-login-federated-token
    az login --service-principal -u "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")"
    ;;
  *)
    echo "unknown slot" >&2
    exit 1
    ;;
esac
# ruleid: shell/terraform-ambient
terraform apply -auto-approve tfplan

# A login guarded by && may not run; `|| exit` after a login does not make it conditional.
# ruleid: shell/az-login-managed-identity
[ -n "${CI:-}" ] && az login --identity --client-id 44444444-5555-6666-7777-888888888888
# ruleid: shell/az-deployment-ambient
az deployment group what-if -g rg-app -f main.bicep

# A login inside a function resolves the uses after a call to it; `exit` inside a subshell ends only the subshell.
login_ci() {
  # ruleid: shell/az-login-service-principal-certificate
  az login --service-principal -u 55555555-6666-7777-8888-999999999999 --certificate /etc/ci/cert.pem --tenant contoso.onmicrosoft.com || exit 1
}
# The call is not a login of its own: the login is reported once, where it is written.
# ok: shell/az-login-service-principal-certificate
login_ci
# ok: shell/az-deployment-ambient
( [ -f plan.lock ] || exit 0 )
# ruleid: shell/az-deployment-ambient
az stack group create --name app -g rg-app -f main.bicep --deny-settings-mode none
