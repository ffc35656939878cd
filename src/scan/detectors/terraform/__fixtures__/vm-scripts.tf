# Scripts a VM runs at boot or through an extension: the shell and PowerShell detectors read them in place.
resource "azurerm_linux_virtual_machine" "jumpbox" {
  name                = "jumpbox"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "westeurope"
  size                = "Standard_B2s"
  admin_username      = "azureuser"
  custom_data = base64encode(<<-CLOUDINIT
    #!/bin/bash
    set -euo pipefail
    # ruleid: shell/az-login-user-password @5
    az login -u "${var.automation_user}" -p "${var.automation_password}"
    # ruleid: shell/az-deployment-ambient
    az deployment group create -g rg-ops -f /opt/ops/main.bicep
  CLOUDINIT
  )
}

resource "azurerm_linux_virtual_machine_scale_set" "agents" {
  name                = "agents"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "westeurope"
  sku                 = "Standard_D2s_v5"
  # cloud-init config without #! is not run as a script.
  custom_data = base64encode(<<-YAML
    #cloud-config
    packages: [azure-cli]
    # ok: shell/az-login-user-password
    bootcmd: [ "echo az login -u x -p y" ]
  YAML
  )
}

resource "azurerm_virtual_machine_extension" "bootstrap" {
  name                 = "bootstrap"
  virtual_machine_id   = azurerm_linux_virtual_machine.jumpbox.id
  publisher            = "Microsoft.Azure.Extensions"
  type                 = "CustomScript"
  type_handler_version = "2.1"
  settings = jsonencode({
    # ruleid: shell/az-login-managed-identity @25
    # ruleid: shell/az-deployment-ambient @48
    commandToExecute = "az login --identity && az deployment sub create --location westeurope --template-file main.bicep"
  })
}

resource "azurerm_virtual_machine_extension" "windows_bootstrap" {
  name                 = "windows-bootstrap"
  virtual_machine_id   = azurerm_windows_virtual_machine.app.id
  publisher            = "Microsoft.Compute"
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"
  protected_settings   = <<SETTINGS
  {
    "fileUris": ["https://example.blob.core.windows.net/scripts/setup.ps1"],
    // ruleid: powershell/connect-azaccount-user-password @195
    "commandToExecute": "powershell -ExecutionPolicy Unrestricted -Command \"$c = New-Object PSCredential('ops@contoso.com', (ConvertTo-SecureString '${var.ops_password}' -AsPlainText -Force)); Connect-AzAccount -Credential $c\""
  }
SETTINGS
}

resource "azurerm_virtual_machine_extension" "monitoring" {
  name                 = "monitoring"
  virtual_machine_id   = azurerm_linux_virtual_machine.jumpbox.id
  publisher            = "Microsoft.Azure.Monitor"
  type                 = "AzureMonitorLinuxAgent"
  type_handler_version = "1.0"
  settings = jsonencode({
    # ok: shell/az-login-user-password
    commandToExecute = "az login -u not-a-script -p for-this-extension"
  })
}
