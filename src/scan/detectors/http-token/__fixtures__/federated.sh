#!/usr/bin/env bash
assertion="$(cat "$AZURE_FEDERATED_TOKEN_FILE")"
# ruleid: http-token/client-assertion-federated
curl -sS -d grant_type=client_credentials -d client_id="$AZURE_CLIENT_ID" \
  -d scope=https://management.azure.com/.default \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  -d client_assertion="$assertion" \
  https://login.microsoftonline.com/$AZURE_TENANT_ID/oauth2/v2.0/token
