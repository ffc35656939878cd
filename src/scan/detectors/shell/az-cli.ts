import type { IdentityRef } from '../../../model/scan-finding.js';
import { unquote } from '../../core/identity-ref.js';

/** How a host language turns an argument's source text into an identity (following its own variables). */
export interface ArgumentIdentity {
  user(text: string): IdentityRef | null;
  client(text: string): IdentityRef | null;
  secretName(text: string): IdentityRef | null;
}

export interface AzClassification {
  /** Rule id (a SHELL_RULES id). */
  rule: string;
  identity: IdentityRef | null;
  message: string;
}

const VALUE_FLAGS = new Set([
  '-u', '--username', '-p', '--password', '-t', '--tenant', '--certificate', '--federated-token', '--client-id', '--object-id',
  '--resource-id', '--scope', '--claims-challenge', '-o', '--output', '--query', '--subscription', '-s',
]);

interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** az's argument words (source text, quotes included) → sub-command words and flags (`--flag=value` split). */
function parseArgs(words: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < words.length; index += 1) {
    const raw = words[index] ?? '';
    const word = unquote(raw);
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    if (equals > 0) {
      flags.set(word.slice(0, equals).toLowerCase(), raw.slice(raw.indexOf('=') + 1));
      continue;
    }
    const flag = word.toLowerCase();
    const next = words[index + 1];
    if (VALUE_FLAGS.has(flag) && next !== undefined) {
      flags.set(flag, next);
      index += 1;
    } else {
      flags.set(flag, true);
    }
  }
  return { positionals, flags };
}

function value(args: ParsedArgs, ...names: string[]): string | null {
  for (const name of names) {
    const found = args.flags.get(name);
    if (typeof found === 'string') return found;
  }
  return null;
}

function has(args: ParsedArgs, ...names: string[]): boolean {
  return names.some((name) => args.flags.has(name));
}

const DEPLOYMENT_VERBS = new Set(['create', 'what-if', 'validate']);

/**
 * Classifies one `az …` invocation from its argument words (after `az`). Null for commands that neither
 * sign in nor deploy (`az account show`, `az group list` …).
 */
export function classifyAz(words: readonly string[], identities: ArgumentIdentity): AzClassification | null {
  const args = parseArgs(words);
  const [group, second, third] = args.positionals;
  if (group === 'login') return classifyLogin(args, identities);
  const isDeployment =
    (group === 'deployment' && DEPLOYMENT_VERBS.has(third ?? '') && ['group', 'sub', 'mg', 'tenant'].includes(second ?? '')) ||
    (group === 'group' && second === 'deployment' && DEPLOYMENT_VERBS.has(third ?? '')) ||
    (group === 'stack' && ['group', 'sub', 'mg'].includes(second ?? '') && (third === 'create' || third === 'validate'));
  if (isDeployment) {
    const command = ['az', group, second, third].join(' ');
    return { rule: 'shell/az-deployment-ambient', identity: null, message: `${command} deploys with the Azure CLI login it inherits` };
  }
  return null;
}

function classifyLogin(args: ParsedArgs, identities: ArgumentIdentity): AzClassification {
  const username = value(args, '-u', '--username');
  const password = value(args, '-p', '--password');
  if (has(args, '-i', '--identity')) {
    const client = value(args, '--client-id') ?? username;
    return { rule: 'shell/az-login-managed-identity', identity: client ? identities.client(client) : null, message: 'az login --identity signs in with a managed identity' };
  }
  if (has(args, '--service-principal')) {
    const identity = username ? identities.client(username) : null;
    if (has(args, '--federated-token')) return { rule: 'shell/az-login-federated-token', identity, message: 'az login --service-principal --federated-token uses workload identity federation' };
    const pem = password !== null && /\.(?:pem|crt|cer|pfx)$/iu.test(unquote(password));
    if (has(args, '--certificate') || pem) return { rule: 'shell/az-login-service-principal-certificate', identity, message: 'az login --service-principal signs in with a certificate' };
    return { rule: 'shell/az-login-service-principal-secret', identity: identity ?? (password ? identities.secretName(password) : null), message: 'az login --service-principal signs in with a client secret' };
  }
  if (username !== null && password !== null) {
    const identity = identities.user(username) ?? identities.secretName(password);
    return { rule: 'shell/az-login-user-password', identity, message: 'az login -u/-p signs in as a user with a password (no --service-principal); mandatory MFA blocks it' };
  }
  const how = has(args, '--use-device-code') ? 'with a device code' : username !== null ? 'prompting for the password' : 'in a browser';
  return { rule: 'shell/az-login-interactive', identity: username ? identities.user(username) : null, message: `az login signs a person in ${how}` };
}
