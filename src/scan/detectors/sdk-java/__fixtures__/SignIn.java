import com.azure.identity.*;
import com.microsoft.aad.msal4j.*;

class SignIn {
    void run(Set<String> scopes, PublicClientApplication app) throws Exception {
        // ruleid: sdk-java/username-password-credential
        TokenCredential nightly = new UsernamePasswordCredentialBuilder()
            .clientId("04b07795-8ddb-461a-bbee-02f9e1bf7b46")
            .username("svc-nightly@contoso.com")
            .password(System.getenv("NIGHTLY_PASSWORD"))
            .build();

        // ruleid: sdk-java/username-password-credential
        TokenCredential other = new com.azure.identity.UsernamePasswordCredentialBuilder().username(System.getenv("SVC_USER")).password(System.getenv("SVC_PASSWORD")).build();

        // ruleid: sdk-java/msal-username-password
        IAuthenticationResult result = app.acquireToken(UserNamePasswordParameters.builder(scopes, "reporter@contoso.com", System.getenv("REPORTER_PASSWORD").toCharArray()).build()).get();

        // ruleid: sdk-java/interactive-credential
        DeviceCodeFlowParameters device = DeviceCodeFlowParameters.builder(scopes, code -> System.out.println(code.message())).build();
        // ruleid: sdk-java/interactive-credential
        TokenCredential browser = new InteractiveBrowserCredentialBuilder().redirectUrl("http://localhost:8765").build();
        // ruleid: sdk-java/client-secret-credential
        TokenCredential secret = new ClientSecretCredentialBuilder().tenantId(tenant).clientId("33333333-4444-5555-6666-777777777777").clientSecret(System.getenv("SP_SECRET")).build();
        // ruleid: sdk-java/client-certificate-credential
        TokenCredential cert = new ClientCertificateCredentialBuilder().clientId(clientId).pfxCertificate("/certs/sp.pfx").build();
        // ruleid: sdk-java/managed-identity-credential
        TokenCredential msi = new ManagedIdentityCredentialBuilder().clientId("44444444-5555-6666-7777-888888888888").build();
        // ruleid: sdk-java/workload-federation-credential
        TokenCredential federated = new WorkloadIdentityCredentialBuilder().build();
        // ruleid: sdk-java/developer-credential
        TokenCredential cli = new AzureCliCredentialBuilder().build();
        // ruleid: sdk-java/default-credential
        TokenCredential fallback = new DefaultAzureCredentialBuilder().build();

        // ok: sdk-java/username-password-credential
        String help = "new UsernamePasswordCredentialBuilder() fails under MFA";
        // ok: sdk-java/msal-username-password
        Object unrelated = OtherParameters.builder(scopes).build();
    }
}
