<#
.SYNOPSIS
  Helpers. The text below mentions sign-ins but performs none.
  Connect-AzAccount -Credential $cred
#>

# ok: powershell/connect-azaccount-user-password
# Connect-AzAccount -Credential $cred

# ok: powershell/connect-azaccount-user-password
Write-Host "Run Connect-AzAccount -Credential `$cred to sign in"

# ok: powershell/connect-azaccount-interactive
function Connect-AzAccountWithRetry { param([int]$Attempts) Write-Verbose "retrying $Attempts" }

# ok: powershell/connect-azaccount-interactive
Get-Help Connect-AzAccount -Full

# ok: powershell/connect-azaccount-interactive
Get-AzContext

# ok: powershell/connect-azaccount-user-password
$password = Read-Host -AsSecureString -Prompt 'Database password'

# ok: powershell/connect-azaccount-user-password
$dbCred = New-Object System.Management.Automation.PSCredential('sa', $password)

# ok: powershell/connect-azaccount-user-password
$help = @"
Connect-AzAccount -Credential (Get-Credential)
"@

# ok: shell/az-login-interactive
az account show

# Another vendor's Connect cmdlet with -Credential is not an Entra sign-in.
# ok: powershell/connect-azaccount-user-password
Connect-VIServer -Server vcenter01 -Credential $dbCred
