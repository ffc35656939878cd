using Azure.Core;
using Azure.Identity;

public static class TypeChecks
{
    // ok: sdk-dotnet/username-password-credential
    public static bool IsPassword(TokenCredential credential) => credential is UsernamePasswordCredential;

    // ok: sdk-dotnet/username-password-credential
    public static string Name => nameof(UsernamePasswordCredential);

    // ok: sdk-dotnet/username-password-credential
    public static System.Type Type => typeof(UsernamePasswordCredential);
}
