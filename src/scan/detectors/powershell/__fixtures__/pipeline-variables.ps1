# An Azure Pipelines PowerShell step that sets variables for the steps after it.
$token = $env:PIPELINE_OIDC_TOKEN
# ruleid: shell/env-arm-oidc
Write-Host "##vso[task.setvariable variable=ARM_USE_OIDC]true"
Write-Output "##vso[task.setvariable variable=ARM_OIDC_TOKEN;issecret=true]$token"
# ok: shell/env-arm-client-secret
Write-Host "ARM_CLIENT_SECRET is read by Terraform"
