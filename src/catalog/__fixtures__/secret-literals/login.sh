#!/usr/bin/env bash
# Values here are fake; each has the shape of the secret it stands for.
# ruleid: secret-literal/password
PW='Fake-bash-password-1'
# ok: secret-literal/password
az login -u svc-deploy@contoso.example -p "$PW"
# ruleid: secret-literal/password
az login -u svc-other@contoso.example -p 'Fake-inline-password-2'
# ruleid: secret-literal/password
az login -u svc-bare@contoso.example -p Fake-bare-password-3 --output none
# ruleid: secret-literal/password
export AZURE_PASSWORD='Fake-env-password-4'
# ok: secret-literal/password
export AZURE_PASSWORD="${SVC_PASSWORD:?SVC_PASSWORD is not set}"
# ok: secret-literal/password
: "${SVC_PASSWORD:?SVC_PASSWORD is not set}"
# ruleid: secret-literal/client-secret
export ARM_CLIENT_SECRET='Fake-arm-secret-5'
# ok: secret-literal/client-secret
export ARM_CLIENT_SECRET="$(az keyvault secret show --name arm --vault-name kv --query value -o tsv)"
# ruleid: secret-literal/client-secret
az login --service-principal -u 0b6f1a7e-1111-2222-3333-444455556666 -p abc8Q~defghijklmnopqrstuvwxyz-_.~0123456 --tenant contoso.example
# ruleid: secret-literal/personal-access-token
export AZURE_DEVOPS_EXT_PAT=abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst
# ruleid: secret-literal/personal-access-token
curl -H "Authorization: token ghp_abcdefghijklmnopqrstuvwxyzABCD012345" https://api.github.com/user
# ruleid: secret-literal/personal-access-token
GH_TOKEN=github_pat_11FAKE0000000000000000_abcdefghijklmnopqrstuvwxyz0123456789
# ruleid: secret-literal/personal-access-token
echo abcdefghijklmnopqrstuvwxyz012345679ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnoAZDOabcd | az devops login
# ruleid: secret-literal/jwt
curl -H "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0." https://management.azure.com/
# ruleid: secret-literal/password
git clone https://svc-build:Fake-url-password-6@dev.azure.com/contoso/ops/_git/infra
# ok: secret-literal/password
git clone https://dev.azure.com/contoso/ops/_git/infra
# ok: secret-literal/password
mkdir -p /var/lib/runner && cd "$(pwd)"
# ok: secret-literal/password
az login --identity --output none
# ok: secret-literal/password
az keyvault secret show --name db-password --vault-name kv-ops
