const { UsernamePasswordCredential: Upc, DefaultAzureCredential, AzureCliCredential } = require('@azure/identity');

// ruleid: sdk-javascript/username-password-credential
const credential = new Upc(process.env.AZURE_TENANT_ID, process.env.APP_ID, process.env.SVC_USER, process.env.SVC_PASSWORD);
// ruleid: sdk-javascript/default-credential
const fallback = new DefaultAzureCredential();
// ruleid: sdk-javascript/developer-credential
const cli = new AzureCliCredential();
