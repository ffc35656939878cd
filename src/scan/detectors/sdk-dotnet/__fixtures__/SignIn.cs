using System;
using Azure.Identity;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Clients.ActiveDirectory;
using Upc = Azure.Identity.UsernamePasswordCredential;

public static class SignIn
{
    public static async Task Run(string tenantId, string[] scopes)
    {
        // ruleid: sdk-dotnet/username-password-credential
        var nightly = new UsernamePasswordCredential("svc-nightly@contoso.com", Environment.GetEnvironmentVariable("NIGHTLY_PASSWORD"), tenantId, "04b07795-8ddb-461a-bbee-02f9e1bf7b46");

        // ruleid: sdk-dotnet/username-password-credential
        var aliased = new Upc(Environment.GetEnvironmentVariable("SVC_USER"), Environment.GetEnvironmentVariable("SVC_PASSWORD"), tenantId, "11111111-2222-3333-4444-555555555555");

        var app = PublicClientApplicationBuilder.Create("11111111-2222-3333-4444-555555555555").Build();
        var result = await app
            // ruleid: sdk-dotnet/msal-username-password
            .AcquireTokenByUsernamePassword(scopes, "reporter@contoso.com", Environment.GetEnvironmentVariable("REPORTER_PASSWORD"))
            .ExecuteAsync();
        // ruleid: sdk-dotnet/msal-username-password
        var legacyMsal = await app.AcquireTokenByUsernamePasswordAsync(scopes, "msal2@contoso.com", securePassword);

        var context = new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com");
        // ruleid: sdk-dotnet/adal-username-password
        var adal = await context.AcquireTokenAsync("https://management.core.windows.net/", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", new UserPasswordCredential("legacy@contoso.com", "placeholder"));

        // ruleid: sdk-dotnet/legacy-username-password
        var fluent = SdkContext.AzureCredentialsFactory.FromUser("fluent@contoso.com", Environment.GetEnvironmentVariable("FLUENT_PASSWORD"), "04b07795-8ddb-461a-bbee-02f9e1bf7b46", tenantId, AzureEnvironment.AzureGlobalCloud);

        // ruleid: sdk-dotnet/interactive-credential
        var device = new DeviceCodeCredential();
        // ruleid: sdk-dotnet/interactive-credential
        var interactive = await app.AcquireTokenInteractive(scopes).ExecuteAsync();
        // ruleid: sdk-dotnet/client-secret-credential
        ClientSecretCredential secret = new(tenantId, "33333333-4444-5555-6666-777777777777", Environment.GetEnvironmentVariable("SP_SECRET"));
        // ruleid: sdk-dotnet/client-certificate-credential
        var cert = new ClientCertificateCredential(tenantId: tenantId, clientId: "44444444-5555-6666-7777-888888888888", clientCertificatePath: "/certs/sp.pfx");
        // ruleid: sdk-dotnet/managed-identity-credential
        var msi = new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        // ruleid: sdk-dotnet/workload-federation-credential
        var federated = new WorkloadIdentityCredential();
        // ruleid: sdk-dotnet/developer-credential
        var cli = new AzureCliCredential();
        // ruleid: sdk-dotnet/default-credential
        var fallback = new DefaultAzureCredential();

        // ok: sdk-dotnet/legacy-username-password
        var profile = UserMapper.FromUser(currentUser);
        // new UsernamePasswordCredential(...) in a comment is not a sign-in.
        // ok: sdk-dotnet/username-password-credential
        Console.WriteLine("UsernamePasswordCredential is blocked by MFA");
    }

    // ok: sdk-dotnet/username-password-credential
    private static object CreateUsernamePasswordCredentialForTests() => null;
}
