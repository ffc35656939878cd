#!/usr/bin/env bash
# Ambient steps resolve to the nearest preceding login in the same script.

# ruleid: shell/az-deployment-ambient
az deployment group create -g rg-app -f main.bicep

# ruleid: shell/az-login-user-password
az login -u deploy@contoso.com -p "$DEPLOY_PASSWORD"

# ruleid: shell/az-deployment-ambient
az deployment group create --resource-group rg-app --template-file main.bicep

# ruleid: shell/az-deployment-ambient
az deployment sub what-if --location westeurope --template-file sub.bicep

# ruleid: shell/az-deployment-ambient
az group deployment create -g legacy --template-file azuredeploy.json

# ruleid: shell/az-deployment-ambient
az stack group create --name app --resource-group rg-app --template-file main.bicep --deny-settings-mode none

# ruleid: shell/terraform-ambient
terraform apply -auto-approve

# ruleid: shell/az-login-managed-identity
az login --identity

# ruleid: shell/terraform-ambient
terraform plan -out tfplan

# ruleid: shell/azure-config-dir-ambient
export AZURE_CONFIG_DIR=/home/agent/.azure-shared
