import com.azure.core.credential.TokenCredential;
import com.azure.core.util.Configuration;
import com.azure.identity.DefaultAzureCredentialBuilder;

// EnvironmentCredential reads the global configuration: a username and password there make DefaultAzureCredential sign in with ROPC.
class CoverageEnvironmentRopc {
    TokenCredential credential(String password) {
        Configuration.getGlobalConfiguration().put("AZURE_USERNAME", "svc-java-report@contoso.com").put("AZURE_PASSWORD", password);
        // ruleid: sdk-java/default-credential-user-password
        return new DefaultAzureCredentialBuilder().build();
    }
}
