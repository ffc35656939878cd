using System;
using Azure.Identity;

Environment.SetEnvironmentVariable("AZURE_USERNAME", "svc-report@contoso.com");
Environment.SetEnvironmentVariable("AZURE_PASSWORD", LoadPassword());
// ruleid: sdk-dotnet/default-credential-user-password
var credential = new EnvironmentCredential();
