#!/usr/bin/env bash
# An Azure Pipelines step that sets variables for the steps after it (logging commands on stdout).
user="deploy-bot@contoso.com"
# ruleid: shell/env-azure-username-password
echo "##vso[task.setvariable variable=AZURE_USERNAME]$user"
echo "##vso[task.setvariable variable=AZURE_PASSWORD;issecret=true]$(DeployPassword)"
# Not a setvariable command, and not a credential variable:
# ok: shell/env-azure-client-secret
echo "##vso[task.logissue type=warning]AZURE_CLIENT_SECRET is deprecated here"
echo "##vso[task.setvariable variable=BUILD_FLAVOR]release"
