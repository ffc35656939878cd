"""MSAL for Python: confidential clients by their client_credential, public clients by the flow they use."""
import json
import os

import msal
from msal import ConfidentialClientApplication as CCA

CLIENT_ID = os.environ["SYNC_CLIENT_ID"]
AUTHORITY = "https://login.microsoftonline.com/contoso.onmicrosoft.com"
settings = json.load(open("settings.json"))

# ruleid: sdk-python/msal-client-secret
secret_app = msal.ConfidentialClientApplication(CLIENT_ID, authority=AUTHORITY, client_credential=settings["secret"])

certificate = {"thumbprint": settings["thumbprint"], "private_key": open("/certs/sync.pem").read()}
# ruleid: sdk-python/msal-client-certificate
certificate_app = CCA("0a1b2c3d-0000-4000-8000-00000000000b", certificate, authority=AUTHORITY)

# ruleid: sdk-python/msal-client-assertion
assertion_app = msal.ConfidentialClientApplication(CLIENT_ID, client_credential={"client_assertion": open(os.environ["AZURE_FEDERATED_TOKEN_FILE"]).read()}, authority=AUTHORITY)

public_app = msal.PublicClientApplication("0a1b2c3d-0000-4000-8000-00000000000d", authority=AUTHORITY)
user = "nightly-export@contoso.com"
# ruleid: sdk-python/msal-username-password
result = public_app.acquire_token_by_username_password(user, os.environ["EXPORT_PASSWORD"], scopes=["https://management.azure.com/.default"])
# ruleid: sdk-python/interactive-credential
interactive = public_app.acquire_token_interactive(scopes=["User.Read"])

# No credential argument: not a sign-in this code can make.
# ok: sdk-python/msal-client-secret
unfinished = msal.ConfidentialClientApplication(CLIENT_ID, client_credential=None)
