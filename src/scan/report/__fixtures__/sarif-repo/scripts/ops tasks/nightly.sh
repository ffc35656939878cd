#!/usr/bin/env bash
set -euo pipefail
az login --username nightly@contoso.com --password "$NIGHTLY_PASSWORD"
az deployment group create --resource-group rg-nightly --template-file nightly.bicep
