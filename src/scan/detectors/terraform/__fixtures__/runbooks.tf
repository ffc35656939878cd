# Runbooks whose script lives in the Terraform configuration: the PowerShell and Python detectors read it
# at its own lines.
resource "azurerm_automation_runbook" "nightly_cleanup" {
  name                    = "nightly-cleanup"
  resource_group_name     = azurerm_resource_group.ops.name
  automation_account_name = azurerm_automation_account.ops.name
  location                = "westeurope"
  log_progress            = true
  log_verbose             = false
  runbook_type            = "PowerShell72"

  content = <<-EOT
    param([string]$ResourceGroup = "${var.cleanup_group}")
    $credential = Get-AutomationPSCredential -Name 'svc-cleanup'
    # ruleid: powershell/connect-azaccount-user-password @5
    Connect-AzAccount -Credential $credential -Tenant ${var.tenant_id}
    # ruleid: powershell/az-deployment-ambient
    New-AzResourceGroupDeployment -ResourceGroupName $ResourceGroup -TemplateFile ./cleanup.json
    Write-Output "done at $${(Get-Date)} %%{ not a directive }"
  EOT
}

resource "azurerm_automation_runbook" "inventory" {
  name                    = "inventory"
  resource_group_name     = azurerm_resource_group.ops.name
  automation_account_name = azurerm_automation_account.ops.name
  location                = "westeurope"
  log_progress            = true
  log_verbose             = false
  runbook_type            = "Python3"
  content                 = <<EOF
import os
from azure.identity import UsernamePasswordCredential
# ruleid: sdk-python/username-password-credential
credential = UsernamePasswordCredential("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "inventory-bot@contoso.com", os.environ["INVENTORY_PASSWORD"])
EOF
}

resource "azurerm_automation_runbook" "identity" {
  name                    = "identity"
  resource_group_name     = azurerm_resource_group.ops.name
  automation_account_name = azurerm_automation_account.ops.name
  location                = "westeurope"
  log_progress            = true
  log_verbose             = false
  runbook_type            = "PowerShell"
  # A one-line script in a quoted string: reported at its column in the .tf file.
  # ruleid: powershell/connect-azaccount-managed-identity @30
  content                 = "Connect-AzAccount -Identity -AccountId ${var.runbook_identity}"
}

# A graphical runbook has no script; a runbook read from a file is scanned as that file.
resource "azurerm_automation_runbook" "graphical" {
  name         = "graphical"
  runbook_type = "GraphPowerShell"
  # ok: powershell/connect-azaccount-user-password
  content      = file("${path.module}/runbooks/graphical.ps1")
}

resource "azurerm_automation_runbook" "graph" {
  name         = "graph"
  runbook_type = "Graph"
  content      = <<EOT
# ok: powershell/connect-azaccount-user-password
Connect-AzAccount -Credential $c
EOT
}
