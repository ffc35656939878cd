import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { ApiError, InputError } from '../../../errors.js';
import type { TokenSource } from './token-source.js';

/**
 * `--access-token-file F`: access tokens obtained elsewhere (`az account get-access-token`, a pipeline's own login),
 * one per line. Each is routed by its `aud` claim to the resource it is for; the claim is read, never trusted (the
 * service checks the token, not us). On a 401 the file is read again, so a process that renews the file keeps a long
 * collection going; a refused token with nothing newer in the file ends that API's collection with Unauthorized.
 */

/**
 * A process renewing the file may be half way through rewriting it (truncated, or a line half written) when it is
 * read: before saying it holds no usable token, read it again this many times, this far apart.
 */
const REREADS = 3;
const REREAD_DELAY_MS = 200;

const payloadSchema = z.looseObject({ aud: z.union([z.string(), z.array(z.string())]) });

/** The audiences a token's `aud` may carry for a resource, besides its origin: the well-known resource app IDs. */
export interface AudienceAliases {
  /** origin (no trailing slash) → other `aud` values that mean the same resource */
  readonly [origin: string]: readonly string[];
}

function audiences(token: string): string[] | null {
  const [, payload] = token.split('.');
  if (payload === undefined) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const aud = parsed.data.aud;
    return (Array.isArray(aud) ? aud : [aud]).map((value) => value.replace(/\/+$/u, '').toLowerCase());
  } catch {
    return null;
  }
}

export class TokenFileSource implements TokenSource {
  private tokens: { token: string; audiences: string[] }[] | null = null;

  constructor(
    private readonly path: string,
    private readonly aliases: AudienceAliases = {},
  ) {}

  get describe(): string {
    return `the token file ${this.path}`;
  }

  private async load(): Promise<{ token: string; audiences: string[] }[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read --access-token-file ${this.path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 'give a file with one access token per line');
    }
    const tokens: { token: string; audiences: string[] }[] = [];
    text.split('\n').forEach((line, index) => {
      const token = line.trim();
      if (token === '' || token.startsWith('#')) return;
      const found = audiences(token);
      // The line number, never the line: it is a credential.
      if (found === null) throw new InputError(`${this.path}:${index + 1}: not an access token (a JWT with an aud claim)`, 'one token per line, e.g. from az account get-access-token --query accessToken -o tsv');
      tokens.push({ token, audiences: found });
    });
    return tokens;
  }

  private pick(tokens: readonly { token: string; audiences: string[] }[], scope: string): string | null {
    const origin = new URL(scope).origin.toLowerCase();
    const wanted = new Set([origin, ...(this.aliases[origin] ?? []).map((alias) => alias.replace(/\/+$/u, '').toLowerCase())]);
    return tokens.find((entry) => entry.audiences.some((aud) => wanted.has(aud)))?.token ?? null;
  }

  async token(scope: string, refused: string | null): Promise<string> {
    if (this.tokens === null || (refused !== null && this.pick(this.tokens, scope) === refused)) this.tokens = await this.settledLoad(null);
    for (let reread = 0; ; reread += 1) {
      const token = this.pick(this.tokens, scope);
      if (token !== null && token !== refused) return token;
      const origin = new URL(scope).origin;
      if (reread === REREADS) {
        if (token === null) throw new ApiError('Unauthorized', `${this.describe} holds no token for ${origin}`, `add a token whose audience is ${origin}`);
        throw new ApiError('Unauthorized', `${origin} refused the token from ${this.describe}, and the file holds no newer one`, 'write a fresh token to the file and run collect again: it resumes where it stopped');
      }
      await delay(REREAD_DELAY_MS);
      this.tokens = await this.settledLoad(this.tokens);
    }
  }

  /** load(), read again after a pause when it fails (a line half written); `fallback` (else the error) after REREADS. */
  private async settledLoad(fallback: { token: string; audiences: string[] }[] | null): Promise<{ token: string; audiences: string[] }[]> {
    for (let reread = 0; ; reread += 1) {
      try {
        return await this.load();
      } catch (error) {
        if (reread === REREADS) {
          if (fallback !== null) return fallback;
          throw error;
        }
        await delay(REREAD_DELAY_MS);
      }
    }
  }
}
