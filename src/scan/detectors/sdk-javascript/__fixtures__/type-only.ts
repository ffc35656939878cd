// ok: sdk-javascript/username-password-credential
import { UsernamePasswordCredential } from '@azure/identity';

// ok: sdk-javascript/username-password-credential
export function isPasswordCredential(credential: unknown): credential is UsernamePasswordCredential {
  // ok: sdk-javascript/username-password-credential
  return credential instanceof UsernamePasswordCredential;
}
