from azure.identity import DefaultAzureCredential
from azure.mgmt.resource import ResourceManagementClient

client = ResourceManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
