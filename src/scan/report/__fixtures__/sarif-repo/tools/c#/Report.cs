using Azure.Identity;

class Report
{
    static UsernamePasswordCredential Credential(string password) =>
        new UsernamePasswordCredential("svc-report@contoso.com", password, "contoso.onmicrosoft.com", "04b07795-8ddb-461a-bbee-02f9e1bf7b46");
}
