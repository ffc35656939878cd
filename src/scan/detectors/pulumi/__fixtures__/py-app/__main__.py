"""A Python program with explicit providers."""
import pulumi
import pulumi_azure_native as azure_native
from pulumi_azure_native import Provider

# ruleid: pulumi/client-certificate
certificate_provider = azure_native.Provider("certificate", args=azure_native.ProviderArgs(client_id="0a1b2c3d-0000-4000-8000-0000000000ac", client_certificate_path="/certs/deploy.pfx"))

use_msi = False
# A flag set to False does not count: nothing else is set, so this provider uses the CLI login.
# ruleid: pulumi/azure-cli-default
plain = Provider("plain", use_msi=use_msi)

# ok: pulumi/azure-cli-default
group = azure_native.resources.ResourceGroup("reports", opts=pulumi.ResourceOptions(provider=certificate_provider))
