#!/usr/bin/env bash
# Azure Identity's EnvironmentCredential (DefaultAzureCredential) as a service principal with a secret.
export AZURE_TENANT_ID=contoso.onmicrosoft.com
export AZURE_CLIENT_ID=99999999-aaaa-bbbb-cccc-dddddddddddd
# ruleid: shell/env-azure-client-secret
export AZURE_CLIENT_SECRET="$REPORTING_APP_SECRET"
python3 ./report.py
