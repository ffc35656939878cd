#!/usr/bin/env bash
# In an AKS pod with workload identity the webhook sets these; a wrapper script re-exporting them is common.
export AZURE_CLIENT_ID=99999999-aaaa-bbbb-cccc-dddddddddddd
export AZURE_TENANT_ID=contoso.onmicrosoft.com
# ruleid: shell/env-azure-federated-token
export AZURE_FEDERATED_TOKEN_FILE=/var/run/secrets/azure/tokens/azure-identity-token
exec python3 ./sync.py
