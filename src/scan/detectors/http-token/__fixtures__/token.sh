#!/usr/bin/env bash
set -euo pipefail

# ruleid: http-token/password-grant
curl -sS -X POST -d "grant_type=password&client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&username=${SVC_USER}&scope=https://management.azure.com/.default" \
  --data-urlencode "password=${SVC_PASSWORD}" \
  "https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token"

# ruleid: http-token/managed-identity-endpoint
curl -sS "${IDENTITY_ENDPOINT}?resource=https://vault.azure.net&api-version=2019-08-01" -H "X-IDENTITY-HEADER: ${IDENTITY_HEADER}"

# echo "grant_type=password" in a comment is not a request.
# ok: http-token/device-code-grant
echo "see https://login.microsoftonline.com/common/oauth2/v2.0/devicecode for the device flow"
