/**
 * Access tokens for the fake Azure: JWT-shaped (header.payload.signature, base64url) with the `aud` the client routes
 * them by. The fake checks them against its set of valid tokens, never their signature.
 */
export function fakeToken(audience: string, serial: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: audience, serial })}.c2lnbmF0dXJl`;
}
