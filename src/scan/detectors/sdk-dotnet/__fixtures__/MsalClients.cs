using System;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

// MSAL.NET clients: the confidential client's credential decides the method; public clients sign in a user.
public static class MsalClients
{
    private const string ReportingAppId = "0a1b2c3d-0000-4000-8000-00000000000b";

    public static async Task Run(string[] scopes, X509Certificate2 certificate, string tenantId)
    {
        var clientId = Environment.GetEnvironmentVariable("SYNC_CLIENT_ID");
        var secretApp = ConfidentialClientApplicationBuilder.Create(clientId)
            // ruleid: sdk-dotnet/msal-client-secret
            .WithClientSecret(Environment.GetEnvironmentVariable("SYNC_CLIENT_SECRET"))
            .WithTenantId(tenantId)
            .Build();

        // The builder kept in a variable and finished later.
        var builder = ConfidentialClientApplicationBuilder.Create(ReportingAppId).WithAuthority($"https://login.microsoftonline.com/{tenantId}");
        // ruleid: sdk-dotnet/msal-client-certificate
        builder = builder.WithCertificate(certificate);
        var certificateApp = builder.Build();

        var federatedApp = ConfidentialClientApplicationBuilder.Create("0a1b2c3d-0000-4000-8000-00000000000c")
            // ruleid: sdk-dotnet/msal-client-assertion
            .WithClientAssertion(() => File.ReadAllText(Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")))
            .Build();

        var publicApp = PublicClientApplicationBuilder.Create("0a1b2c3d-0000-4000-8000-00000000000d").WithDefaultRedirectUri().Build();
        var user = "nightly-export@contoso.com";
        // ruleid: sdk-dotnet/msal-username-password
        var ropc = await publicApp.AcquireTokenByUsernamePassword(scopes, user, Environment.GetEnvironmentVariable("EXPORT_PASSWORD")).ExecuteAsync();
        // ruleid: sdk-dotnet/interactive-credential
        var device = await publicApp.AcquireTokenWithDeviceCode(scopes, code => Task.CompletedTask).ExecuteAsync();

        // Another library's builder with the same method name is not MSAL.
        // ok: sdk-dotnet/msal-client-secret
        var mqtt = new MqttClientOptionsBuilder().WithClientSecret("not-msal");
        // ok: sdk-dotnet/msal-client-certificate
        var handler = HttpHandlerBuilder.Create(certificate).WithCertificate(certificate);
    }
}
