# Values here are fake; each has the shape of the secret it stands for.
import os

from azure.identity import UsernamePasswordCredential

# ruleid: secret-literal/password
credential = UsernamePasswordCredential(client_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46", username="svc-python@contoso.example", password="Fake-python-password-1")
# ok: secret-literal/password
credential = UsernamePasswordCredential(client_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46", username="svc-python@contoso.example", password=os.environ["AZ_PASSWORD"])
# ok: secret-literal/password
credential = UsernamePasswordCredential(client_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46", username="svc-python@contoso.example", password=getpass.getpass())
# ruleid: secret-literal/connection-string
STORAGE = "DefaultEndpointsProtocol=https;AccountName=stops;AccountKey=RmFrZS1zdG9yYWdlLWFjY291bnQta2V5LTE=;EndpointSuffix=core.windows.net"
# ruleid: secret-literal/connection-string
BUS = "Endpoint=sb://ops.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=RmFrZS1zZXJ2aWNlLWJ1cy1rZXk="
# ruleid: secret-literal/connection-string
BLOB_URL = "https://stops.blob.core.windows.net/logs?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31&sig=RmFrZS1zYXMtc2lnbmF0dXJl%3D"
# ruleid: secret-literal/password
SQL = "Server=tcp:ops.database.windows.net;Database=ops;User ID=svc-sql;Password=Fake-sql-password-2;Encrypt=True"
# ok: secret-literal/connection-string
BUS_NAME = "Endpoint=sb://ops.servicebus.windows.net/;Authentication=Managed Identity"
# ok: secret-literal/password
password = os.environ.get("AZ_PASSWORD")
# ok: secret-literal/password
token = credential.get_token("https://management.azure.com/.default")
