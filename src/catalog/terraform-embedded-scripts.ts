/**
 * Where Terraform configurations carry scripts that run against Azure, as data: the resource (or provisioner),
 * the argument holding the script, and how its language is decided. The terraform detector hands each script
 * to the PowerShell / shell / Python detectors with its lines mapped back to the .tf file.
 */

/**
 * How a script's language is known:
 * - `powershell`, `bash`: fixed by the resource;
 * - `runbook-type`: the runbook's `runbook_type` (PowerShell*, Python*; graphical runbooks have no script);
 * - `shebang`: cloud-init runs custom data as a script only when it starts with `#!`;
 * - `extension-type`: `CustomScript` (Linux, a shell command) or `CustomScriptExtension` (Windows, a command line PowerShell reads);
 * - `interpreter`: local-exec's `interpreter` list (`/bin/sh -c` when absent);
 * - `deployment-script-kind`: a deploymentScripts body's `kind` (AzureCLI → bash, AzurePowerShell → PowerShell).
 */
export type ScriptLanguageRule = 'powershell' | 'bash' | 'runbook-type' | 'shebang' | 'extension-type' | 'interpreter' | 'deployment-script-kind';

export interface TerraformScriptPlace {
  /** Resource types (`resource "<type>"`), or `provisioner:<name>` for a provisioner block inside any resource. */
  owners: readonly string[];
  /** Argument path from the block: nested argument names, e.g. settings → commandToExecute (JSON or jsonencode). */
  path: readonly string[];
  language: ScriptLanguageRule;
  /** The script runs signed in as the resource's managed identity (`identity {}`): ambient commands in it resolve to it. */
  identity: boolean;
  source: string;
}

const AZURERM = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources';

export const TERRAFORM_SCRIPT_PLACES: readonly TerraformScriptPlace[] = [
  { owners: ['azurerm_automation_runbook'], path: ['content'], language: 'runbook-type', identity: false, source: `${AZURERM}/automation_runbook` },
  {
    owners: ['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set', 'azurerm_virtual_machine_scale_set'],
    path: ['custom_data'],
    language: 'shebang',
    identity: false,
    source: `${AZURERM}/linux_virtual_machine#custom_data`,
  },
  {
    owners: ['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set'],
    path: ['user_data'],
    language: 'shebang',
    identity: false,
    source: `${AZURERM}/linux_virtual_machine#user_data`,
  },
  { owners: ['azurerm_virtual_machine'], path: ['os_profile', 'custom_data'], language: 'shebang', identity: false, source: `${AZURERM}/virtual_machine#custom_data` },
  {
    owners: ['azurerm_virtual_machine_extension', 'azurerm_virtual_machine_scale_set_extension'],
    path: ['settings', 'commandToExecute'],
    language: 'extension-type',
    identity: false,
    source: 'https://learn.microsoft.com/azure/virtual-machines/extensions/custom-script-linux',
  },
  {
    owners: ['azurerm_virtual_machine_extension', 'azurerm_virtual_machine_scale_set_extension'],
    path: ['protected_settings', 'commandToExecute'],
    language: 'extension-type',
    identity: false,
    source: 'https://learn.microsoft.com/azure/virtual-machines/extensions/custom-script-windows',
  },
  {
    owners: ['azurerm_virtual_machine_extension', 'azurerm_virtual_machine_scale_set_extension'],
    path: ['settings', 'script'],
    language: 'bash',
    identity: false,
    source: 'https://learn.microsoft.com/azure/virtual-machines/extensions/custom-script-linux',
  },
  {
    owners: ['azurerm_virtual_machine_extension', 'azurerm_virtual_machine_scale_set_extension'],
    path: ['protected_settings', 'script'],
    language: 'bash',
    identity: false,
    source: 'https://learn.microsoft.com/azure/virtual-machines/extensions/custom-script-linux',
  },
  { owners: ['azurerm_resource_deployment_script_azure_cli'], path: ['script_content'], language: 'bash', identity: true, source: `${AZURERM}/resource_deployment_script_azure_cli` },
  { owners: ['azurerm_resource_deployment_script_azure_power_shell'], path: ['script_content'], language: 'powershell', identity: true, source: `${AZURERM}/resource_deployment_script_azure_power_shell` },
  {
    owners: ['azapi_resource'],
    path: ['body', 'properties', 'scriptContent'],
    language: 'deployment-script-kind',
    identity: true,
    source: 'https://learn.microsoft.com/azure/templates/microsoft.resources/deploymentscripts',
  },
  { owners: ['provisioner:local-exec'], path: ['command'], language: 'interpreter', identity: false, source: 'https://developer.hashicorp.com/terraform/language/resources/provisioners/local-exec' },
];

/** `runbook_type` values whose content is a PowerShell or Python script (azurerm_automation_runbook). */
export const RUNBOOK_SCRIPT_LANGUAGES: Readonly<Record<string, 'powershell' | 'python'>> = {
  powershell: 'powershell',
  powershell72: 'powershell',
  powershellworkflow: 'powershell',
  graphpowershell: 'powershell',
  graphpowershellworkflow: 'powershell',
  python2: 'python',
  python3: 'python',
};

/** azapi resources of this type (any API version) are ARM deployment scripts. */
export const DEPLOYMENT_SCRIPTS_RESOURCE_TYPE = 'microsoft.resources/deploymentscripts';
