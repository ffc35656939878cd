import requests

# A password grant to another identity provider is not an Entra sign-in.
# ok: http-token/password-grant
requests.post("https://idp.example.com/oauth2/token", data={"grant_type": "password", "username": user, "password": pw})
