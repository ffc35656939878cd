#!/usr/bin/env bash
# One certificate, two tools: Azure Identity (AZURE_*) for the Python job, Terraform (ARM_*) for the apply.
export AZURE_TENANT_ID=contoso.onmicrosoft.com
export AZURE_CLIENT_ID=99999999-aaaa-bbbb-cccc-dddddddddddd
# ruleid: shell/env-azure-client-certificate
export AZURE_CLIENT_CERTIFICATE_PATH=/etc/ssl/private/deploy-app.pem
export ARM_TENANT_ID=contoso.onmicrosoft.com
export ARM_CLIENT_ID=99999999-aaaa-bbbb-cccc-dddddddddddd
# ruleid: shell/env-arm-client-certificate
export ARM_CLIENT_CERTIFICATE_PATH=/etc/ssl/private/deploy-app.pfx
export ARM_CLIENT_CERTIFICATE_PASSWORD="$DEPLOY_PFX_PASSWORD"
python3 ./tag-resources.py
# ok: shell/terraform-ambient
terraform apply -auto-approve
