import java.net.URI;
import java.net.http.HttpRequest;

class TokenRequest {
    HttpRequest build(String tenant, String certificateAssertion) {
        return HttpRequest.newBuilder(URI.create("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"))
            // ruleid: http-token/client-assertion-certificate
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=44444444-5555-6666-7777-888888888888&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=" + certificateAssertion))
            .build();
    }
}
