import com.azure.identity.UsernamePasswordCredential;
import com.microsoft.aad.adal4j.AuthenticationContext;

class Adal4j {
    // ok: sdk-java/username-password-credential
    Class<?> type = UsernamePasswordCredential.class;

    void run(AuthenticationContext context) throws Exception {
        // ADAL4J overloads acquireToken for users and applications alike: not told apart yet.
        // todoruleid: sdk-java/adal-username-password
        context.acquireToken("https://management.core.windows.net/", clientId, "legacy@contoso.com", password, null).get();
    }
}
