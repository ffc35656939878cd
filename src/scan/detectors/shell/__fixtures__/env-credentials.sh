#!/bin/sh
# EnvironmentCredential / DefaultAzureCredential switch to ROPC when both are exported.

# ruleid: shell/env-azure-username-password
export AZURE_USERNAME="reporting@contoso.com"
export AZURE_PASSWORD="$REPORTING_PASSWORD"
export AZURE_TENANT_ID=contoso.onmicrosoft.com

# ruleid: shell/env-ansible-ad-user-password
export AZURE_AD_USER=ansible@contoso.com AZURE_PASSWORD="$ANSIBLE_PW"

# Terraform with its own credentials does not use the CLI login.
# ruleid: shell/env-arm-client-secret
export ARM_CLIENT_SECRET="$TF_SECRET"
export ARM_CLIENT_ID=33333333-4444-5555-6666-777777777777
# ok: shell/terraform-ambient
terraform apply -auto-approve
