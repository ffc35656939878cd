#!/usr/bin/env bash
# Terraform on a self-hosted runner VM with a user-assigned managed identity.
# ruleid: shell/env-arm-msi
export ARM_USE_MSI=true
export ARM_CLIENT_ID=99999999-aaaa-bbbb-cccc-dddddddddddd
export ARM_SUBSCRIPTION_ID=11111111-2222-3333-4444-555555555555
# ok: shell/terraform-ambient
terraform apply -auto-approve
