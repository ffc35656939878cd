import type { AccessToken, TokenCredential } from '@azure/identity';
import { ApiError } from '../../../errors.js';
import type { TokenSource } from './token-source.js';

/**
 * Tokens from @azure/identity, the way every Azure tool signs in:
 * - `default`: DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, …);
 * - `device-code`: a person signs in in a browser with a code printed on stderr;
 * - `workload-identity`: federation from CI (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE);
 * - `managed-identity`: the identity of the Azure compute collect runs on.
 * Workload identities are how an unattended job should sign in, and collect practises it. The library is loaded only
 * when one of these is used.
 */
export type AuthMethod = 'default' | 'device-code' | 'workload-identity' | 'managed-identity';
export const AUTH_METHODS: readonly AuthMethod[] = ['default', 'device-code', 'workload-identity', 'managed-identity'];

export interface AzureIdentityOptions {
  method: AuthMethod;
  tenantId: string | null;
  /** The app to sign in as (device code, managed identity): optional. */
  clientId: string | null;
  /** The login endpoint of the chosen cloud. */
  authorityHost: string;
  /** Where the device-code prompt goes (a sentence with a URL and a one-time code, not a secret). */
  prompt: (message: string) => void;
}

async function credentialFor(options: AzureIdentityOptions): Promise<TokenCredential> {
  const identity = await import('@azure/identity');
  const common = { authorityHost: options.authorityHost };
  const tenant = options.tenantId ?? undefined;
  const client = options.clientId ?? undefined;
  switch (options.method) {
    case 'default':
      return new identity.DefaultAzureCredential({ ...common, ...(tenant ? { tenantId: tenant } : {}), ...(client ? { managedIdentityClientId: client } : {}) });
    case 'device-code':
      return new identity.DeviceCodeCredential({ ...common, ...(tenant ? { tenantId: tenant } : {}), ...(client ? { clientId: client } : {}), userPromptCallback: (info) => options.prompt(info.message) });
    case 'workload-identity':
      return new identity.WorkloadIdentityCredential({ ...common, ...(tenant ? { tenantId: tenant } : {}), ...(client ? { clientId: client } : {}) });
    case 'managed-identity':
      return client ? new identity.ManagedIdentityCredential({ clientId: client }) : new identity.ManagedIdentityCredential();
  }
}

export class AzureIdentitySource implements TokenSource {
  private credential: Promise<TokenCredential> | null = null;
  private readonly cache = new Map<string, AccessToken>();

  constructor(private readonly options: AzureIdentityOptions) {}

  get describe(): string {
    return `@azure/identity (${this.options.method})`;
  }

  /** The credential itself, for SDK clients that take one (Log Analytics). */
  credentialFor(): Promise<TokenCredential> {
    this.credential ??= credentialFor(this.options);
    return this.credential;
  }

  async token(scope: string, refused: string | null): Promise<string> {
    const cached = this.cache.get(scope);
    // Renewed five minutes before it expires, as the Azure SDKs do.
    if (cached && cached.token !== refused && cached.expiresOnTimestamp - Date.now() > 300_000) return cached.token;
    const credential = await this.credentialFor();
    let fresh: AccessToken | null;
    try {
      fresh = await credential.getToken(scope);
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new ApiError('Unauthorized', `${this.describe} could not get a token for ${new URL(scope).origin}: ${message}`, 'check the sign-in (az login, the workload identity variables, or --auth)');
    }
    if (fresh === null) throw new ApiError('Unauthorized', `${this.describe} returned no token for ${new URL(scope).origin}`);
    if (fresh.token === refused) throw new ApiError('Unauthorized', `${new URL(scope).origin} refused the token from ${this.describe}, and it has no newer one`, 'check the permissions granted to the identity, or sign in again');
    this.cache.set(scope, fresh);
    return fresh.token;
  }
}
