#!/usr/bin/env bash
# A command prefix sets the variables for that process only.

# ruleid: shell/env-entraid-username-password
ENTRAID_USERNAME=sync@contoso.com ENTRAID_PASSWORD="$SYNC_PW" ./sync-users

# ruleid: shell/env-arm-oidc
ARM_USE_OIDC=true terraform apply -auto-approve
