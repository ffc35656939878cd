package main

import "github.com/Azure/azure-sdk-for-go/sdk/azidentity"

func isPassword(credential any) bool {
	// ok: sdk-go/username-password-credential
	_, ok := credential.(*azidentity.UsernamePasswordCredential)
	return ok
}
