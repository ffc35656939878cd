package main

import (
	"context"
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/public"
)

func signIn(ctx context.Context, tenantID string, scopes []string, app public.Client) error {
	// ruleid: sdk-go/username-password-credential
	nightly, err := azidentity.NewUsernamePasswordCredential(tenantID, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "svc-nightly@contoso.com", os.Getenv("NIGHTLY_PASSWORD"), nil)
	// ruleid: sdk-go/msal-username-password
	result, err := app.AcquireTokenByUsernamePassword(ctx, scopes, os.Getenv("REPORT_USER"), os.Getenv("REPORT_PASSWORD"))
	// ruleid: sdk-go/interactive-credential
	device, err := azidentity.NewDeviceCodeCredential(nil)
	// ruleid: sdk-go/interactive-credential
	interactive, err := app.AcquireTokenInteractive(ctx, scopes)
	// ruleid: sdk-go/client-secret-credential
	secret, err := azidentity.NewClientSecretCredential(tenantID, "33333333-4444-5555-6666-777777777777", os.Getenv("SP_SECRET"), nil)
	// ruleid: sdk-go/client-certificate-credential
	cert, err := azidentity.NewClientCertificateCredential(tenantID, clientID, certs, key, nil)
	// ruleid: sdk-go/managed-identity-credential
	msi, err := azidentity.NewManagedIdentityCredential(nil)
	// ruleid: sdk-go/workload-federation-credential
	federated, err := azidentity.NewWorkloadIdentityCredential(nil)
	// ruleid: sdk-go/developer-credential
	cli, err := azidentity.NewAzureCLICredential(nil)
	// ruleid: sdk-go/default-credential
	fallback, err := azidentity.NewDefaultAzureCredential(nil)
	// ok: sdk-go/username-password-credential
	help := "azidentity.NewUsernamePasswordCredential fails under MFA"
	// ok: sdk-go/username-password-credential
	stub := newUsernamePasswordCredentialStub()
	_ = []any{nightly, result, device, interactive, secret, cert, msi, federated, cli, fallback, help, stub, err}
	return nil
}

func newUsernamePasswordCredentialStub() any { return nil }
