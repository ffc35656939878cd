import azure.identity
import requests

from settings import TOKEN_URL

# Reflection hides the class from a syntax-based scan.
# todoruleid: sdk-python/username-password-credential
credential = getattr(azure.identity, "UsernamePasswordCredential")(client_id, username, password)

# ok: sdk-python/username-password-credential
from azure.identity import UsernamePasswordCredential

# ok: sdk-python/username-password-credential
def build(credential: UsernamePasswordCredential) -> None:
    return None
