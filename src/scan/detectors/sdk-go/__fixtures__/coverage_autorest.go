package main

import (
	"github.com/Azure/go-autorest/autorest/adal"
	"github.com/Azure/go-autorest/autorest/azure"
	"github.com/Azure/go-autorest/autorest/azure/auth"
)

// The retired go-autorest packages: adal (ADAL for Go) and azure/auth (the legacy SDK's helpers).
func legacyPasswordSignIns(password string) {
	oauthConfig, _ := adal.NewOAuthConfig(azure.PublicCloud.ActiveDirectoryEndpoint, "contoso.onmicrosoft.com")
	// ruleid: sdk-go/adal-username-password
	token, _ := adal.NewServicePrincipalTokenFromUsernamePassword(*oauthConfig, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "svc-go-legacy@contoso.com", password, azure.PublicCloud.ResourceManagerEndpoint)
	_ = token

	// ruleid: sdk-go/legacy-username-password
	config := auth.NewUsernamePasswordConfig("svc-go-legacy@contoso.com", password, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "contoso.onmicrosoft.com")
	authorizer, _ := config.Authorizer()
	_ = authorizer
}
