Connect-AzAccount -Identity
New-AzResourceGroupDeployment -ResourceGroupName rg-runbook -TemplateFile ./runbook.json
$appCredential = Get-AutomationPSCredential -Name 'GraphApp'
Connect-MgGraph -TenantId contoso.onmicrosoft.com -Credential $appCredential
