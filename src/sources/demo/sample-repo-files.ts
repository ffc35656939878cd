/**
 * The sample automation repository the demo scans: each file signs in the way one of the demo's service
 * accounts (or workload identities) does, naming its UPN or client ID so scan findings link to identities.
 * No secret appears: passwords come from variables, secrets and credential assets.
 */
export interface SampleRepoNames {
  tenantId: string;
  runbookUpn: string;
  vmCliUpn: string;
  terraformUpn: string;
  deployLegacyUpn: string;
  adoAgentUpn: string;
  inventoryUpn: string;
  graphReportsUpn: string;
  backupUpn: string;
  billingUpn: string;
  billingClientId: string;
  appServiceUpn: string;
  humanNamedUpn: string;
  graphClientId: string;
  cliClientId: string;
  oidcClientId: string;
  prodSubscriptionId: string;
  nonprodSubscriptionId: string;
  sharedSubscriptionId: string;
}

export interface SampleFile {
  path: string;
  content: string;
}

/**
 * Where the repository lives: GitHub (its workflows run there) mirrored to Azure Repos (its pipelines run in the
 * Azure DevOps project Platform). A checkout's `.git/config` is how a plan finds the repository and project that a
 * federated credential's subject names.
 */
export const SAMPLE_REPO_REMOTES = {
  github: 'https://github.com/contoso/ops-automation.git',
  azureRepos: 'https://dev.azure.com/contoso/Platform/_git/ops-automation',
} as const;

export function sampleRepoFiles(n: SampleRepoNames): SampleFile[] {
  return [
    {
      path: '.git/HEAD',
      content: 'ref: refs/heads/main\n',
    },
    {
      path: '.git/config',
      content: `[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
[remote "origin"]
\turl = ${SAMPLE_REPO_REMOTES.github}
\tfetch = +refs/heads/*:refs/remotes/origin/*
[remote "azure"]
\turl = ${SAMPLE_REPO_REMOTES.azureRepos}
\tfetch = +refs/heads/*:refs/remotes/azure/*
[branch "main"]
\tremote = origin
\tmerge = refs/heads/main
`,
    },
    {
      path: 'README.md',
      content: `# contoso-ops-automation

Scheduled jobs, pipelines and infrastructure code of the Contoso platform team.

| file | runs | signs in as |
|---|---|---|
| \`scripts/nightly-runbook.ps1\` | Azure Automation hybrid worker, 02:00 | credential asset \`svc-runbook\` |
| \`scripts/vm-maintenance.sh\` | cron on an Azure VM, hourly | ${n.vmCliUpn} |
| \`scripts/inventory.ps1\` | task scheduler on premises, every 6 hours | ${n.inventoryUpn} |
| \`scripts/graph-report.py\` | task scheduler on premises, daily | ${n.graphReportsUpn} |
| \`scripts/backup-snapshots.ps1\` | task scheduler on premises, 01:00 | ${n.backupUpn} |
| \`scripts/billing_sync.py\` | on premises, every 4 hours | ${n.billingUpn} |
| \`scripts/webapp-config.sh\` | cron on an Azure VM, every 15 minutes | ${n.humanNamedUpn} |
| \`app/slot_settings.py\` | App Service WebJob | ${n.appServiceUpn} |
| \`.github/workflows/terraform.yml\` | GitHub Actions | ${n.terraformUpn} (password in the repository secret \`AZ_PASSWORD\`) |
| \`.github/workflows/deploy-oidc.yml\` | GitHub Actions | workload identity federation |
| \`azure-pipelines.yml\` | Azure DevOps | service connection, and ${n.deployLegacyUpn} for the production step |
| \`pipelines/data-refresh.yml\` | Azure DevOps, self-hosted agent on premises | ${n.adoAgentUpn} |

Passwords live in the credential store of each runner (Automation credential assets, pipeline variable
groups, repository secrets, environment files); none is committed here.
`,
    },
    {
      path: 'scripts/nightly-runbook.ps1',
      content: `<#
.SYNOPSIS
    Nightly housekeeping of the non-production subscription (Azure Automation runbook, hybrid worker).
.NOTES
    Scheduled at 02:00 UTC.
#>
param(
    [string] $SubscriptionId = '${n.nonprodSubscriptionId}'
)

$ErrorActionPreference = 'Stop'

# The credential asset keeps the password; the account is spelled out here for the change log.
$asset = Get-AutomationPSCredential -Name 'svc-runbook'
$credential = New-Object System.Management.Automation.PSCredential('${n.runbookUpn}', $asset.Password)
Connect-AzAccount -Credential $credential -Tenant '${n.tenantId}' -Subscription $SubscriptionId | Out-Null

$today = Get-Date -Format 'yyyy-MM-dd'
foreach ($account in Get-AzStorageAccount -ResourceGroupName 'rg-ops-nonprod') {
    Set-AzStorageAccount -ResourceGroupName $account.ResourceGroupName -Name $account.StorageAccountName -Tag @{ lastChecked = $today } | Out-Null
}

foreach ($site in 'app-webshop-test', 'app-api-test') {
    Set-AzWebApp -ResourceGroupName 'rg-web-nonprod' -Name $site -AppSettings @{ MAINTENANCE_DATE = $today } | Out-Null
}
`,
    },
    {
      path: 'scripts/vm-maintenance.sh',
      content: `#!/usr/bin/env bash
# Hourly VM maintenance. cron on vm-ops-01 (Azure, UK South):  5 * * * *  /opt/ops/vm-maintenance.sh
# SVC_PASSWORD comes from /etc/ops/vm-maintenance.env (root-only).
set -euo pipefail

: "\${SVC_PASSWORD:?SVC_PASSWORD is not set}"

az login -u ${n.vmCliUpn} -p "$SVC_PASSWORD" --tenant ${n.tenantId} --output none
az account set --subscription ${n.sharedSubscriptionId}

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for vm in vm-app-01 vm-app-02 vm-build-01; do
  az vm update --resource-group rg-vm-maintenance --name "$vm" --set tags.lastMaintenance="$stamp" --output none
done

case "$(date -u +%H)" in
  19) az vm deallocate --resource-group rg-vm-maintenance --name vm-build-01 --no-wait ;;
  07) az vm start --resource-group rg-vm-maintenance --name vm-build-01 --no-wait ;;
esac
`,
    },
    {
      path: 'scripts/webapp-config.sh',
      content: `#!/usr/bin/env bash
# Keeps the intranet's app settings in line with the CMDB. cron on vm-ops-02 (Azure, West Europe): */15 * * * *
# Written by Peter in 2021; still uses his account. OPS_PASSWORD is set in the crontab environment.
set -euo pipefail

az login --username ${n.humanNamedUpn} --password "$OPS_PASSWORD" --output none
az account set --subscription ${n.sharedSubscriptionId}

if [ "$(date -u +%M)" -lt 15 ]; then
  az webapp config appsettings set --resource-group rg-web-shared --name app-intranet --settings CMDB_SYNC="$(date -u +%s)" --output none
fi
`,
    },
    {
      path: 'scripts/inventory.ps1',
      content: `# Resource inventory export, every 6 hours (Windows Task Scheduler on ops-sched-01).
# Reads only: it lists resources and writes a CSV to the file share.
$ErrorActionPreference = 'Stop'

$password = ConvertTo-SecureString $env:SVC_INVENTORY_PASSWORD -AsPlainText -Force
$credential = New-Object System.Management.Automation.PSCredential('${n.inventoryUpn}', $password)
Connect-AzAccount -Credential $credential -Tenant '${n.tenantId}' | Out-Null

$rows = foreach ($subscription in Get-AzSubscription) {
    Set-AzContext -SubscriptionId $subscription.Id | Out-Null
    Get-AzResource | Select-Object @{ n = 'Subscription'; e = { $subscription.Name } }, ResourceGroupName, Name, ResourceType, Location
}
$rows | Export-Csv -Path '\\\\fs01\\ops\\inventory\\azure-resources.csv' -NoTypeInformation
`,
    },
    {
      path: 'scripts/backup-snapshots.ps1',
      content: `# Nightly disk snapshots with seven-day retention (Task Scheduler on backup-01, 01:00).
param([int] $RetentionDays = 7)
$ErrorActionPreference = 'Stop'

$secure = Get-Content 'D:\\backup\\svc-backup.cred' | ConvertTo-SecureString
$credential = [pscredential]::new('${n.backupUpn}', $secure)
$connect = @{
    Credential   = $credential
    Tenant       = '${n.tenantId}'
    Subscription = '${n.sharedSubscriptionId}'
}
Connect-AzAccount @connect | Out-Null

foreach ($disk in 'sql01-os', 'sql01-data', 'file01-data') {
    $source = Get-AzDisk -ResourceGroupName 'rg-backup' -DiskName $disk
    $config = New-AzSnapshotConfig -SourceUri $source.Id -Location $source.Location -CreateOption Copy
    New-AzSnapshot -ResourceGroupName 'rg-backup' -SnapshotName "snap-$disk-$(Get-Date -Format yyyyMMdd)" -Snapshot $config | Out-Null
}

Get-AzSnapshot -ResourceGroupName 'rg-backup' |
    Where-Object { $_.TimeCreated -lt (Get-Date).AddDays(-$RetentionDays) } |
    Remove-AzSnapshot -Force | Out-Null
`,
    },
    {
      path: 'scripts/graph-report.py',
      content: `"""Daily licence and sign-in report from Microsoft Graph (Task Scheduler on ops-sched-01, 06:30)."""
import csv
import os

import msal
import requests

TENANT_ID = "${n.tenantId}"
CLIENT_ID = "${n.graphClientId}"  # Microsoft Graph Command Line Tools


def token() -> str:
    app = msal.PublicClientApplication(CLIENT_ID, authority=f"https://login.microsoftonline.com/{TENANT_ID}")
    result = app.acquire_token_by_username_password(
        "${n.graphReportsUpn}",
        os.environ["GRAPH_REPORTS_PASSWORD"],
        scopes=["https://graph.microsoft.com/.default"],
    )
    if "access_token" not in result:
        raise SystemExit(result.get("error_description", "sign-in failed"))
    return result["access_token"]


def main() -> None:
    headers = {"Authorization": f"Bearer {token()}"}
    url = "https://graph.microsoft.com/v1.0/subscribedSkus"
    skus = requests.get(url, headers=headers, timeout=30).json()["value"]
    with open(r"\\\\fs01\\ops\\reports\\licences.csv", "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["sku", "enabled", "consumed"])
        for sku in skus:
            writer.writerow([sku["skuPartNumber"], sku["prepaidUnits"]["enabled"], sku["consumedUnits"]])


if __name__ == "__main__":
    main()
`,
    },
    {
      path: 'scripts/billing_sync.py',
      content: `"""Tags resource groups with cost centres from the finance system, every 4 hours (ops-sched-01)."""
import os

import requests

TENANT_ID = "${n.tenantId}"
CLIENT_ID = "${n.billingClientId}"  # Contoso Billing Sync (public client app registration)
SUBSCRIPTION_ID = "${n.sharedSubscriptionId}"


def arm_token() -> str:
    response = requests.post(
        f"https://login.microsoftonline.com/{TENANT_ID}/oauth2/token",
        data={
            "grant_type": "password",
            "client_id": CLIENT_ID,
            "resource": "https://management.core.windows.net/",
            "username": "${n.billingUpn}",
            "password": os.environ["BILLING_SYNC_PASSWORD"],
        },
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["access_token"]


def main() -> None:
    url = f"https://management.azure.com/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/rg-finance/providers/Microsoft.Resources/tags/default?api-version=2021-04-01"
    body = {"properties": {"tags": {"costCentre": os.environ.get("COST_CENTRE", "CC-1200")}}}
    requests.put(url, json=body, headers={"Authorization": f"Bearer {arm_token()}"}, timeout=30).raise_for_status()


if __name__ == "__main__":
    main()
`,
    },
    {
      path: 'app/slot_settings.py',
      content: `"""WebJob of app-intranet: keeps the staging slot's settings in line with production."""
import os

from azure.identity import UsernamePasswordCredential
from azure.mgmt.web import WebSiteManagementClient

credential = UsernamePasswordCredential(
    client_id="${n.cliClientId}",  # Azure CLI's public client ID
    username="${n.appServiceUpn}",
    password=os.environ["AUTOMATION_APPSVC_PASSWORD"],
    tenant_id="${n.tenantId}",
)
client = WebSiteManagementClient(credential, "${n.sharedSubscriptionId}")

settings = client.web_apps.list_application_settings("rg-web-shared", "app-intranet")
client.web_apps.update_application_settings_slot("rg-web-shared", "app-intranet", "staging", settings)
`,
    },
    {
      path: '.github/workflows/terraform.yml',
      content: `name: terraform

on:
  push:
    branches: [main]
    paths: ['infra/**']
  schedule:
    - cron: '0 3 * * *' # nightly drift check (plan only)
  workflow_dispatch:

jobs:
  terraform:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: infra
    env:
      ARM_SUBSCRIPTION_ID: ${n.nonprodSubscriptionId}
    steps:
      - uses: actions/checkout@v4
      - uses: hashicorp/setup-terraform@v3
        with:
          terraform_version: 1.9.8
      - name: Azure login (svc-terraform)
        run: az login -u ${n.terraformUpn} -p \${{ secrets.AZ_PASSWORD }} --tenant ${n.tenantId} --output none
      - run: terraform init -input=false
      - run: terraform plan -input=false -out=tfplan
      - name: Apply
        if: github.event_name != 'schedule'
        run: terraform apply -input=false -auto-approve tfplan
`,
    },
    {
      path: '.github/workflows/deploy-oidc.yml',
      content: `name: deploy-webshop

on:
  push:
    branches: [main]
    paths: ['webshop/**']

permissions:
  id-token: write
  contents: read

jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: ${n.oidcClientId}
          tenant-id: ${n.tenantId}
          subscription-id: ${n.sharedSubscriptionId}
      - uses: azure/cli@v2
        with:
          inlineScript: |
            az webapp deploy --resource-group rg-apps-shared --name app-orders --src-path webshop/dist.zip --type zip
`,
    },
    {
      path: 'azure-pipelines.yml',
      content: `trigger:
  branches:
    include: [main]

pool:
  vmImage: ubuntu-latest

variables:
  - group: deploy-legacy-credentials # SVC_DEPLOY_PASSWORD (secret)

stages:
  - stage: validate
    jobs:
      - job: whatif
        steps:
          - task: AzureCLI@2
            displayName: What-if against non-production (service connection)
            inputs:
              azureSubscription: sc-contoso-nonprod
              scriptType: bash
              scriptLocation: inlineScript
              inlineScript: |
                az deployment group what-if --resource-group rg-webshop-nonprod --template-file infra/webshop.bicep

  - stage: production
    dependsOn: validate
    jobs:
      - job: deploy
        steps:
          - task: AzureCLI@2
            displayName: Deploy to production (legacy account)
            inputs:
              azureSubscription: sc-contoso-prod
              scriptType: bash
              scriptLocation: inlineScript
              inlineScript: |
                az login -u ${n.deployLegacyUpn} -p "$(SVC_DEPLOY_PASSWORD)" --output none
                az account set --subscription ${n.prodSubscriptionId}
                az webapp config appsettings set --resource-group rg-webshop-prod --name app-webshop-prod --settings BUILD_ID=$(Build.BuildId)
`,
    },
    {
      path: 'pipelines/data-refresh.yml',
      content: `# Refreshes the test databases from the nightly export, on the self-hosted agents in the data centre.
# The service connection only reads; the refresh logs in as the data team's account (variable group data-refresh).
trigger: none

schedules:
  - cron: '30 */4 * * *'
    branches:
      include: [main]
    always: true

pool:
  name: onprem-agents

variables:
  - group: data-refresh # SVC_ADO_PASSWORD (secret)

steps:
  - task: AzureCLI@2
    displayName: Refresh test databases
    inputs:
      azureSubscription: sc-data-nonprod
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        az login -u ${n.adoAgentUpn} -p "$(SVC_ADO_PASSWORD)" --output none
        az account set --subscription ${n.nonprodSubscriptionId}
        az sql db update --resource-group rg-data-nonprod --server sql-data-test --name orders --max-size 250GB
`,
    },
    {
      path: 'infra/main.tf',
      content: `terraform {
  required_version = ">= 1.9"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.10"
    }
  }
  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "sttfstatecontoso"
    container_name       = "tfstate"
    key                  = "platform.tfstate"
  }
}

# No credentials here: the provider uses the Azure CLI login made by the workflow.
provider "azurerm" {
  features {}
}

resource "azurerm_virtual_network" "nonprod" {
  name                = "vnet-nonprod-01"
  location            = "uksouth"
  resource_group_name = "rg-platform-nonprod"
  address_space       = ["10.40.0.0/16"]
}

resource "azurerm_network_security_rule" "allow_https" {
  name                        = "allow-https"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-platform-nonprod"
  network_security_group_name = "nsg-app"
}

resource "azurerm_key_vault" "platform" {
  name                = "kv-platform-shared"
  location            = "uksouth"
  resource_group_name = "rg-platform-shared"
  tenant_id           = "${n.tenantId}"
  sku_name            = "standard"
}
`,
    },
  ];
}
