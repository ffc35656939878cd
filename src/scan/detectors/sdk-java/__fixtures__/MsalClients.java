import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;

// MSAL4J: confidential clients by their credential factory, public clients by the parameters they send.
public class MsalClients {
    private static final String SYNC_CLIENT_ID = System.getenv("SYNC_CLIENT_ID");
    private static final String AUTHORITY = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

    public void run(java.security.PrivateKey key, java.security.cert.X509Certificate certificate, java.util.Set<String> scopes) throws Exception {
        // ruleid: sdk-java/msal-client-secret
        IClientCredential secret = ClientCredentialFactory.createFromSecret(System.getenv("SYNC_CLIENT_SECRET"));
        ConfidentialClientApplication secretApp = ConfidentialClientApplication.builder(SYNC_CLIENT_ID, secret).authority(AUTHORITY).build();

        ConfidentialClientApplication certificateApp = ConfidentialClientApplication
            // ruleid: sdk-java/msal-client-certificate
            .builder("0a1b2c3d-0000-4000-8000-00000000000b", ClientCredentialFactory.createFromCertificate(key, certificate))
            .authority(AUTHORITY)
            .build();

        String federatedToken = java.nio.file.Files.readString(java.nio.file.Path.of(System.getenv("AZURE_FEDERATED_TOKEN_FILE")));
        // ruleid: sdk-java/msal-client-assertion
        IClientCredential assertion = ClientCredentialFactory.createFromClientAssertion(federatedToken);
        ConfidentialClientApplication federatedApp = ConfidentialClientApplication.builder("0a1b2c3d-0000-4000-8000-00000000000c", assertion).build();

        PublicClientApplication publicApp = PublicClientApplication.builder("0a1b2c3d-0000-4000-8000-00000000000d").authority(AUTHORITY).build();
        String user = "nightly-export@contoso.com";
        // ruleid: sdk-java/msal-username-password
        publicApp.acquireToken(UserNamePasswordParameters.builder(scopes, user, System.getenv("EXPORT_PASSWORD").toCharArray()).build());

        // Another library's factory with the same method name is not MSAL.
        // ok: sdk-java/msal-client-secret
        Object other = CredentialFactory.createFromSecret("not-msal");
    }
}
