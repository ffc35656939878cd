import os

import requests

TOKEN_URL = f"https://login.microsoftonline.com/{os.environ['TENANT_ID']}/oauth2/token"

body = {
    # ruleid: http-token/password-grant
    "grant_type": "password",
    "client_id": "1950a258-227b-4e31-a9cf-717495945fc2",
    "username": "svc-backup@contoso.com",
    "password": os.environ["BACKUP_PASSWORD"],
    "resource": "https://management.core.windows.net/",
}
token = requests.post(TOKEN_URL, data=body).json()["access_token"]

# ruleid: http-token/managed-identity-endpoint
imds = requests.get("http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/", headers={"Metadata": "true"})

# "grant_type=password" in a comment is not a request.
# ok: http-token/password-grant
HELP = "Never send grant_type to a token endpoint from docs"
