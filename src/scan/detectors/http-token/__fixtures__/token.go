package main

import (
	"net/http"
	"net/url"
)

const tokenURL = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"

func ropc(user, password string) (*http.Response, error) {
	return http.PostForm(tokenURL, url.Values{
		// ruleid: http-token/password-grant
		"grant_type": {"password"},
		"client_id":  {"55555555-6666-7777-8888-999999999999"},
		"username":   {user},
		"password":   {password},
	})
}
