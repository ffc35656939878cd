#!/usr/bin/env bash
# Scripts handed to another shell as a string run all the same.
set -euo pipefail

# ruleid: shell/az-login-user-password @10
bash -c 'az login -u ops@contoso.com -p "$OPS_PASSWORD"'
# ruleid: shell/az-deployment-ambient @14
/bin/sh -ec "az deployment group create -g rg-ops -f main.bicep"
# ruleid: powershell/connect-azaccount-managed-identity @27
pwsh -NoProfile -Command "Connect-AzAccount -Identity"

# A command held in a variable cannot be read; echo text is not run.
# ok: shell/az-login-interactive
bash -c "$LOGIN_COMMAND"
# ok: shell/az-login-user-password
echo "bash -c 'az login -u a@contoso.com -p x'"
