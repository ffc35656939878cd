const tenant = process.env.AZURE_TENANT_ID;
const response = await fetch(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, {
  method: 'POST',
  body: new URLSearchParams({
    client_id: '33333333-4444-5555-6666-777777777777',
    client_secret: process.env.SP_SECRET,
    scope: 'https://graph.microsoft.com/.default',
    // ruleid: http-token/client-secret-grant
    grant_type: 'client_credentials',
  }),
});

const ropc = new URLSearchParams();
// ruleid: http-token/password-grant
ropc.append('grant_type', 'password');
ropc.append('username', 'reports@contoso.com');

// ruleid: http-token/managed-identity-endpoint
const miResponse = await fetch(`${process.env.IDENTITY_ENDPOINT}?resource=https://vault.azure.net&api-version=2019-08-01`, { headers: { 'X-IDENTITY-HEADER': process.env.IDENTITY_HEADER } });
// ok: http-token/managed-identity-endpoint
const docs = 'App Service exposes IDENTITY_ENDPOINT and IDENTITY_HEADER to the app';
