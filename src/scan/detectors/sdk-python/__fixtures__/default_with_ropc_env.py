import os

from azure.identity import DefaultAzureCredential

# The script itself switches EnvironmentCredential to ROPC.
os.environ["AZURE_USERNAME"] = "svc-report@contoso.com"
os.environ["AZURE_PASSWORD"] = load_password()

# ruleid: sdk-python/default-credential-user-password
credential = DefaultAzureCredential(exclude_interactive_browser_credential=True)
