# Values here are fake; each has the shape of the secret it stands for.
# ruleid: secret-literal/password
$secure = ConvertTo-SecureString 'Fake-ps-password-1' -AsPlainText -Force
# ruleid: secret-literal/password
$secure = ConvertTo-SecureString -String "Fake-ps-password-2" -AsPlainText -Force
# ok: secret-literal/password
$secure = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force
# ok: secret-literal/password
$secure = ConvertTo-SecureString "$($env:SVC_PASSWORD)" -AsPlainText -Force
# ok: secret-literal/password
$password = ConvertTo-SecureString $env:SVC_INVENTORY_PASSWORD -AsPlainText -Force
# ok: secret-literal/password
$cred = New-Object System.Management.Automation.PSCredential('svc-runbook@contoso.example', $secure)
# ok: secret-literal/password
Connect-AzAccount -Credential $cred
# ruleid: secret-literal/password
$env:AZURE_PASSWORD = 'Fake-ps-env-password-3'
# ruleid: secret-literal/password
$body = @{ grant_type = 'password'; username = 'svc-rest@contoso.example'; password = 'Fake-rest-password-4' }
# ruleid: secret-literal/password
New-AzStorageContext -StorageAccountName st -Password Fake-param-password-5
# ok: secret-literal/password
$password = Get-Secret -Name svc-runbook
# ok: secret-literal/password
$splat = @{ Credential = $cred; Tenant = 'contoso.example' }
# ok: secret-literal/client-secret
Connect-AzAccount -ServicePrincipal -ApplicationId $env:AZURE_CLIENT_ID -CertificateThumbprint $env:AZURE_CLIENT_CERTIFICATE_THUMBPRINT -Tenant 'contoso.example'
# ruleid: secret-literal/jwt
Connect-AzAccount -AccessToken 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJmYWtlIn0.c2ln' -AccountId svc@contoso.example
# ok: secret-literal/jwt
Connect-AzAccount -AccessToken $token -AccountId svc@contoso.example
# ruleid: secret-literal/certificate
$pfx = 'MIIKZgIBAzCCCiIGCSqGSIb3DQEHAaCCChMEggoPMIIKCzCCBWQGCSqGSIb3DQEHBqCCBVUwggVRAgEAMIIFSgYJKoZIhvcNAQcB'
# todoruleid: secret-literal/password
$adminPw = 'Fake-camel-case-password-6'
