import { z } from 'zod';

/**
 * An access token's claims, decoded without verifying its signature: the probe reads how the token was issued, it
 * never trusts or uses it. Nothing here keeps, returns or quotes the token or any part of it: a failure is one of a
 * few fixed reasons.
 */

/** A JWT's claims as Entra ID writes them; unknown claims pass, missing ones are null. */
export const accessTokenClaimsSchema = z.looseObject({
  aud: z.union([z.string(), z.array(z.string())]).nullish().transform((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value])),
  iss: z.string().nullish().transform((value) => value ?? null),
  tid: z.string().nullish().transform((value) => value ?? null),
  oid: z.string().nullish().transform((value) => value ?? null),
  upn: z.string().nullish().transform((value) => value ?? null),
  unique_name: z.string().nullish().transform((value) => value ?? null),
  preferred_username: z.string().nullish().transform((value) => value ?? null),
  appid: z.string().nullish().transform((value) => value ?? null),
  azp: z.string().nullish().transform((value) => value ?? null),
  app_displayname: z.string().nullish().transform((value) => value ?? null),
  idtyp: z.string().nullish().transform((value) => value ?? null),
  xms_mirid: z.string().nullish().transform((value) => value ?? null),
  scp: z.string().nullish().transform((value) => value ?? null),
  roles: z.array(z.string()).nullish().transform((value) => value ?? []),
  amr: z.array(z.string()).nullish().transform((value) => value ?? []),
  exp: z.number().nullish().transform((value) => value ?? null),
  iat: z.number().nullish().transform((value) => value ?? null),
});

export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

export type TokenProblem = 'empty' | 'too-large' | 'not-a-jwt' | 'not-json' | 'encrypted' | 'bad-claims';

/** Why a token could not be read, in words that quote none of it. */
export const TOKEN_PROBLEMS: Readonly<Record<TokenProblem, string>> = {
  empty: 'no token was given',
  'too-large': 'the input is too large to be an access token',
  'not-a-jwt': 'the input is not a JSON Web Token (three base64url parts separated by dots)',
  'not-json': 'the token\'s header or claims are not JSON',
  encrypted: 'the token is encrypted (five parts): its claims cannot be read',
  'bad-claims': 'the token\'s claims are not an Entra ID access token\'s',
};

/** Access tokens are a few kilobytes; anything past this is not one (and is not read further). */
export const MAX_TOKEN_BYTES = 64 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/u;

function decodePart(part: string): unknown {
  if (!BASE64URL.test(part)) throw new Error('not-a-jwt');
  const text = Buffer.from(part, 'base64url').toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('not-json');
  }
}

export type DecodedToken = { ok: true; claims: AccessTokenClaims; algorithm: string | null } | { ok: false; problem: TokenProblem };

/** Decode a compact JWT's header and claims (never its signature). `input` may carry surrounding whitespace. */
export function decodeToken(input: string): DecodedToken {
  const token = input.trim();
  if (token.length === 0) return { ok: false, problem: 'empty' };
  if (token.length > MAX_TOKEN_BYTES) return { ok: false, problem: 'too-large' };
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, problem: 'encrypted' };
  if (parts.length !== 3) return { ok: false, problem: 'not-a-jwt' };
  const [headerPart = '', claimsPart = ''] = parts;
  let header: unknown;
  let claims: unknown;
  try {
    header = decodePart(headerPart);
    claims = decodePart(claimsPart);
  } catch (error) {
    return { ok: false, problem: error instanceof Error && error.message === 'not-json' ? 'not-json' : 'not-a-jwt' };
  }
  const parsedHeader = z.looseObject({ alg: z.string().nullish() }).safeParse(header);
  const parsed = accessTokenClaimsSchema.safeParse(claims);
  if (!parsedHeader.success || !parsed.success) return { ok: false, problem: 'bad-claims' };
  // An Entra ID token names its tenant and its audience; without them there is nothing to judge.
  if (parsed.data.tid === null || parsed.data.aud.length === 0) return { ok: false, problem: 'bad-claims' };
  return { ok: true, claims: parsed.data, algorithm: parsedHeader.data.alg ?? null };
}
