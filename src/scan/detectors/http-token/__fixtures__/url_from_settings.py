import requests

from settings import TOKEN_URL

# The token endpoint lives in another file: this request is not recognised.
# todoruleid: http-token/password-grant
requests.post(TOKEN_URL, data={"grant_type": "password", "username": user, "password": password})
