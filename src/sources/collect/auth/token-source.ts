/**
 * Where bearer tokens come from. The HTTP client asks for one per request (a source caches as it sees fit) and, when
 * the service refused one (401), asks again naming the refused token: the source renews it, and throws Unauthorized
 * when all it has is that same token. Naming the token, not just "renew", keeps concurrent requests that were refused
 * together from refusing each other's renewed token. Tokens are never logged, printed or stored.
 */
export interface TokenSource {
  /** A token for `scope`, e.g. `https://graph.microsoft.com/.default`; not `refused`, when given. */
  token(scope: string, refused: string | null): Promise<string>;
  /** How tokens are obtained, for messages: "DefaultAzureCredential", "the token file ./tokens". */
  readonly describe: string;
}

/** The scope of a resource's default permissions: the resource's origin and `/.default`. */
export function defaultScope(resourceUrl: string): string {
  return `${new URL(resourceUrl).origin}/.default`;
}
