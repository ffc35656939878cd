import requests

from settings import TOKEN_URL

# The token endpoint lives in another file: this request is not recognised.
# todoruleid: http-token/password-grant
requests.post(TOKEN_URL, data={"grant_type": "password", "username": user, "password": password})

# ruleid: http-token/managed-identity-endpoint
endpoint = os.environ["IDENTITY_ENDPOINT"]
# ok: http-token/managed-identity-endpoint
NAMES = ["IDENTITY_ENDPOINT", "IDENTITY_HEADER"]
