import { ClientCertificateCredential } from '@azure/identity';

// ruleid: sdk-javascript/client-certificate-credential
const credential = new ClientCertificateCredential(process.env.AZURE_TENANT_ID, '99999999-aaaa-bbbb-cccc-dddddddddddd', '/etc/ssl/private/reporting-app.pem');

export { credential };
