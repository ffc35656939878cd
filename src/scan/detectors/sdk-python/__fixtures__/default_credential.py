from azure.identity import DefaultAzureCredential, EnvironmentCredential

# ruleid: sdk-python/default-credential
credential = DefaultAzureCredential()
# ruleid: sdk-python/default-credential
env_credential = EnvironmentCredential()
# ok: sdk-python/username-password-credential
isinstance(credential, DefaultAzureCredential)
