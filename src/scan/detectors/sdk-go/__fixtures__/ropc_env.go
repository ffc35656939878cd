package main

import (
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func environmentRopc() {
	os.Setenv("AZURE_USERNAME", "svc-report@contoso.com")
	os.Setenv("AZURE_PASSWORD", loadPassword())
	// ruleid: sdk-go/default-credential-user-password
	cred, _ := azidentity.NewEnvironmentCredential(nil)
	_ = cred
}
