package automation

// MSAL Go: confidential clients by their credential constructor, public clients by the flow they use.

import (
	"context"
	"os"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"
	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/public"
)

const authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com"

func signIn(ctx context.Context, scopes []string) error {
	clientID := os.Getenv("SYNC_CLIENT_ID")
	// ruleid: sdk-go/msal-client-secret
	secret, err := confidential.NewCredFromSecret(os.Getenv("SYNC_CLIENT_SECRET"))
	if err != nil {
		return err
	}
	secretApp, err := confidential.New(authority, clientID, secret)

	certs, key, err := confidential.CertFromPEM(pemData, "")
	// ruleid: sdk-go/msal-client-certificate
	certificate, err := confidential.NewCredFromCert(certs, key)
	certificateApp, err := confidential.New(authority, "0a1b2c3d-0000-4000-8000-00000000000b", certificate)

	// ruleid: sdk-go/msal-client-assertion
	assertion := confidential.NewCredFromAssertionCallback(func(ctx context.Context, options confidential.AssertionRequestOptions) (string, error) {
		token, err := os.ReadFile(os.Getenv("AZURE_FEDERATED_TOKEN_FILE"))
		return string(token), err
	})
	federatedApp, err := confidential.New(authority, "0a1b2c3d-0000-4000-8000-00000000000c", assertion)

	publicApp, err := public.New("0a1b2c3d-0000-4000-8000-00000000000d", public.WithAuthority(authority))
	user := "nightly-export@contoso.com"
	// ruleid: sdk-go/msal-username-password
	result, err := publicApp.AcquireTokenByUsernamePassword(ctx, scopes, user, os.Getenv("EXPORT_PASSWORD"))

	// A mention in a string is not a call.
	// ok: sdk-go/msal-client-secret
	help := "confidential.NewCredFromSecret(secret) needs rotation"
	_, _, _, _, _, _ = secretApp, certificateApp, federatedApp, result, help, err
	return nil
}
