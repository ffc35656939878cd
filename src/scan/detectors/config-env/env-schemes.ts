import { ENV_CREDENTIAL_SCHEMES, isFalseLike, type EnvCredentialScheme } from '../../../catalog/credential-env-vars.js';
import type { IdentityRef } from '../../../model/scan-finding.js';
import { isGuid, isUpn } from '../../core/identity-ref.js';
import type { EnvEntry, EnvScope } from './env-entry.js';

/** A credential scheme the variables of one scope switch on, and where to report it. */
export interface EnvSchemeMatch {
  scheme: EnvCredentialScheme;
  /** The variable that completes the scheme (the password, the secret, the flag). */
  entry: EnvEntry;
  identity: IdentityRef;
}

/** Which sign-in schemes a scope's variables select (several tools may read the same scope). */
export function matchEnvSchemes(scope: EnvScope): EnvSchemeMatch[] {
  const byName = new Map<string, EnvEntry>();
  for (const entry of scope) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  const matches: EnvSchemeMatch[] = [];
  for (const scheme of ENV_CREDENTIAL_SCHEMES) {
    const group = scheme.requires.find((names) => names.every((name) => isSet(byName.get(name), scheme)));
    const last = group?.[group.length - 1];
    const entry = last === undefined ? undefined : byName.get(last);
    if (!entry) continue;
    matches.push({ scheme, entry, identity: identityOf(scheme, byName, entry) });
  }
  return matches;
}

function isSet(entry: EnvEntry | undefined, scheme: EnvCredentialScheme): boolean {
  if (!entry) return false;
  if (scheme.truthy.includes(entry.name) && entry.value !== null && isFalseLike(entry.value)) return false;
  return true;
}

function identityOf(scheme: EnvCredentialScheme, byName: ReadonlyMap<string, EnvEntry>, at: EnvEntry): IdentityRef {
  const source = scheme.identityFrom === null ? undefined : byName.get(scheme.identityFrom);
  if (source?.value != null) {
    if (scheme.authMethod === 'user-password' && isUpn(source.value)) return { kind: 'upn', value: source.value };
    if (isGuid(source.value)) return { kind: 'client-id', value: source.value.toLowerCase() };
  }
  return { kind: 'env-var', value: source?.name ?? at.name };
}
