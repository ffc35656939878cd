import com.microsoft.azure.AzureEnvironment;
import com.microsoft.azure.credentials.UserTokenCredentials;

// The legacy management libraries (azure-client-authentication) sign a user in with a password.
class CoverageLegacy {
    UserTokenCredentials credentials(String password) {
        // ruleid: sdk-java/legacy-username-password
        return new UserTokenCredentials("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "contoso.onmicrosoft.com", "svc-java-legacy@contoso.com", password, AzureEnvironment.AZURE);
    }
}
