# The trap: Connect-MgGraph -Credential is an alias of -ClientSecretCredential, an APP secret.
$appSecret = New-Object System.Management.Automation.PSCredential('88888888-9999-0000-1111-222222222222', (ConvertTo-SecureString $env:GRAPH_SECRET -AsPlainText -Force))

# ok: powershell/connect-mggraph-interactive
# ruleid: powershell/connect-mggraph-service-principal-secret
Connect-MgGraph -TenantId $tenant -Credential $appSecret

# ruleid: powershell/connect-mggraph-service-principal-secret
Connect-MgGraph -TenantId $tenant -ClientSecretCredential $appSecret -NoWelcome

# ruleid: powershell/connect-mggraph-interactive
Connect-MgGraph -Scopes 'User.Read.All', 'Group.ReadWrite.All'

# ruleid: powershell/connect-mggraph-interactive
Connect-MgGraph -Scopes User.Read.All -UseDeviceCode

# ruleid: powershell/connect-mggraph-managed-identity
Connect-MgGraph -Identity -ClientId 99999999-0000-1111-2222-333333333333

# ruleid: powershell/connect-mggraph-service-principal-certificate
Connect-MgGraph -ClientId $clientId -TenantId $tenant -CertificateThumbprint $thumb

# ruleid: powershell/connect-mggraph-environment
Connect-MgGraph -EnvironmentVariable

# Microsoft Entra PowerShell takes Connect-MgGraph's parameters.
# ruleid: powershell/connect-mggraph-interactive
Connect-Entra -Scopes 'User.Read.All'
# ruleid: powershell/connect-mggraph-service-principal-secret
Connect-Entra -TenantId $tenant -ClientSecretCredential $appSecret
