import com.azure.identity.UsernamePasswordCredential;
import com.microsoft.aad.adal4j.AuthenticationContext;

class Adal4j {
    // ok: sdk-java/username-password-credential
    Class<?> type = UsernamePasswordCredential.class;

    void run(AuthenticationContext context) throws Exception {
        // The five-argument overload is the username/password one.
        // ruleid: sdk-java/adal-username-password
        context.acquireToken("https://management.core.windows.net/", clientId, "legacy@contoso.com", password, null).get();
        // ok: sdk-java/adal-username-password
        context.acquireToken("https://management.core.windows.net/", new ClientCredential(clientId, secret), null).get();
    }
}
