using System.Collections.Generic;
using System.Net.Http;

public static class TokenClient
{
    public static FormUrlEncodedContent Body(string user, string password) => new(new Dictionary<string, string>
    {
        // ruleid: http-token/password-grant
        ["grant_type"] = "password",
        ["client_id"] = "1950a258-227b-4e31-a9cf-717495945fc2",
        ["username"] = user,
        ["password"] = password,
    });

    public const string Endpoint = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token";
}
