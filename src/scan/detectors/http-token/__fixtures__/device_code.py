import requests

AUTHORITY = "https://login.microsoftonline.com/organizations"
# ruleid: http-token/device-code-grant
poll = requests.post(AUTHORITY + "/oauth2/v2.0/token", data=dict(grant_type="urn:ietf:params:oauth:grant-type:device_code", client_id="22222222-3333-4444-5555-666666666666", device_code=code))
