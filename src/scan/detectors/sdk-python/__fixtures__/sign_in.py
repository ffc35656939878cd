"""Automation that signs in to Azure in every way the Python SDKs allow."""
import os

import msal
from azure.identity import (
    AzureCliCredential,
    CertificateCredential,
    ClientSecretCredential,
    DefaultAzureCredential,
    DeviceCodeCredential,
    ManagedIdentityCredential,
    UsernamePasswordCredential as UPC,
    WorkloadIdentityCredential,
)
import azure.identity as identity
from azure.common.credentials import UserPassCredentials
import adal

# ruleid: sdk-python/username-password-credential
nightly = UPC("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "svc-nightly@contoso.com", os.environ["NIGHTLY_PASSWORD"])

# ruleid: sdk-python/username-password-credential
other = identity.UsernamePasswordCredential(client_id=os.environ["APP_ID"], username=os.getenv("SVC_USER"), password=os.environ["SVC_PASSWORD"])

app = msal.PublicClientApplication("11111111-2222-3333-4444-555555555555", authority="https://login.microsoftonline.com/contoso.onmicrosoft.com")
# ruleid: sdk-python/msal-username-password
result = app.acquire_token_by_username_password("reporter@contoso.com", os.environ["REPORTER_PASSWORD"], scopes=["https://management.azure.com/.default"])

context = adal.AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com")
# ruleid: sdk-python/adal-username-password
token = context.acquire_token_with_username_password("https://management.core.windows.net/", "legacy@contoso.com", os.environ["LEGACY_PASSWORD"], "04b07795-8ddb-461a-bbee-02f9e1bf7b46")

# ruleid: sdk-python/legacy-username-password
credentials = UserPassCredentials("old-automation@contoso.com", os.environ["OLD_PASSWORD"])

# ruleid: sdk-python/interactive-credential
device = DeviceCodeCredential(client_id="22222222-3333-4444-5555-666666666666")
# ruleid: sdk-python/interactive-credential
flow = app.initiate_device_flow(scopes=["User.Read"])

# ruleid: sdk-python/developer-credential
cli = AzureCliCredential()
# ruleid: sdk-python/client-secret-credential
secret = ClientSecretCredential(os.environ["AZURE_TENANT_ID"], "33333333-4444-5555-6666-777777777777", os.environ["SP_SECRET"])
# ruleid: sdk-python/client-certificate-credential
cert = CertificateCredential(tenant_id, client_id, certificate_path="/certs/sp.pem")
# ruleid: sdk-python/managed-identity-credential
msi = ManagedIdentityCredential(client_id="44444444-5555-6666-7777-888888888888")
# ruleid: sdk-python/workload-federation-credential
federated = WorkloadIdentityCredential()


def make_username_password_credential_stub():
    # A function whose name contains the class name is not a sign-in.
    return None


# ok: sdk-python/username-password-credential
stub = make_username_password_credential_stub()
# UsernamePasswordCredential(...) in a comment is not a sign-in.
# ok: sdk-python/username-password-credential
HELP = "Do not use UsernamePasswordCredential(client_id, username, password): it fails under MFA."
# ok: sdk-python/default-credential-user-password
password = os.environ["DATABASE_PASSWORD"]
