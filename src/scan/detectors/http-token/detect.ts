import type { ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { clientIdentity, isGuid, userIdentity } from '../../core/identity-ref.js';
import { isTreeSitterLanguage } from '../../core/languages.js';
import { appById } from '../../../catalog/enforcement.js';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import { HTTP_TOKEN_RULES } from './rules.js';
import { stringTokens, supportsStrings, type StringToken } from './string-tokens.js';

const ENTRA_HOST = /login\.(?:microsoftonline\.(?:com|us|de)|windows\.net|chinacloudapi\.cn|partner\.microsoftonline\.cn)/iu;
const TOKEN_PATH = /\/oauth2\/(?:v2\.0\/)?token\b/iu;
const IMDS_TOKEN_URL = /169\.254\.169\.254\/metadata\/identity\/oauth2\/token/u;
/** The App Service / Functions / Container Apps endpoint variable, read (`getenv("IDENTITY_ENDPOINT")`) or expanded (`$IDENTITY_ENDPOINT`), not merely named in prose. */
const ENDPOINT_VARIABLE = /^(?:IDENTITY_ENDPOINT|MSI_ENDPOINT)$/u;
const ENDPOINT_EXPANSION = /\$(?:\{|env:)?(?:IDENTITY_ENDPOINT|MSI_ENDPOINT)\b/u;
/** Where a federated token comes from: a file AKS mounts, the GitHub / Azure DevOps OIDC request. */
const FEDERATED_SOURCE = /AZURE_FEDERATED_TOKEN_FILE|ACTIONS_ID_TOKEN_REQUEST|SYSTEM_OIDCREQUESTURI|\/var\/run\/secrets\/azure\/tokens/u;
const FORM_PARAMETER = /(?:^|[?&\s"'])(?<name>grant_type|client_id|username|client_secret|client_assertion)=(?<value>[^&\s"']*)/gu;

/** Names that are keys of a token request, never the value of the key before them. */
const PARAMETER_NAMES = new Set(['grant_type', 'client_id', 'client_secret', 'client_assertion', 'client_assertion_type', 'username', 'password', 'scope', 'resource', 'device_code']);

interface Parameter {
  name: string;
  value: string | null;
  token: StringToken;
}

/**
 * Raw HTTP sign-ins: token requests to Entra ID's `/oauth2[/v2.0]/token` built from string literals (a form body
 * `grant_type=password&…`, or a map / object with a `grant_type` key), and calls to the managed identity endpoint.
 */
export function detectHttpToken(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree' || !isTreeSitterLanguage(file.language) || !supportsStrings(file.language)) return [];
  const tokens = stringTokens(parsed.tree.rootNode, file.language);
  const findings: ScanFinding[] = [];
  const reported = new Set<string>();
  const report = (ruleId: string, token: StringToken, identity: IdentityRef | null, message: string): void => {
    const key = `${ruleId}:${token.node.startPosition.row}`;
    if (reported.has(key)) return;
    reported.add(key);
    const rule = ruleById(HTTP_TOKEN_RULES, ruleId);
    findings.push(createFinding(rule, 'http', file, token.node.startPosition, identity, message));
  };

  for (const token of tokens) {
    if (IMDS_TOKEN_URL.test(token.raw) || readsEndpointVariable(token) || ENDPOINT_EXPANSION.test(token.raw)) report('http-token/managed-identity-endpoint', token, null, ruleById(HTTP_TOKEN_RULES, 'http-token/managed-identity-endpoint').summary);
  }
  const hasHost = tokens.some((token) => ENTRA_HOST.test(token.raw));
  const hasPath = tokens.some((token) => TOKEN_PATH.test(token.raw));
  if (!hasHost || !hasPath) return findings;

  const parameters = parametersOf(tokens);
  const first = (name: string): Parameter | undefined => parameters.find((parameter) => parameter.name === name);
  const clientId = first('client_id')?.value ?? null;
  const federated = tokens.some((token) => FEDERATED_SOURCE.test(token.raw));
  for (const grant of parameters.filter((parameter) => parameter.name === 'grant_type')) {
    const value = (grant.value ?? '').toLowerCase();
    if (value === 'password') {
      const username = first('username')?.value ?? null;
      const app = appById(clientId !== null && isGuid(clientId) ? clientId : null);
      const identity = (username !== null ? userIdentity(username) : null) ?? (clientId !== null ? clientIdentity(clientId) : null);
      const summary = ruleById(HTTP_TOKEN_RULES, 'http-token/password-grant').summary;
      const message = app?.role === 'arm-client' ? `${summary} It uses the ${app.name} client ID: it signs in exactly as that tool would with a password, and Azure Resource Manager writes fail from enforcement phase 2.` : summary;
      report('http-token/password-grant', grant.token, identity, message);
    } else if (value.endsWith('device_code')) {
      report('http-token/device-code-grant', grant.token, clientId !== null ? clientIdentity(clientId) : null, ruleById(HTTP_TOKEN_RULES, 'http-token/device-code-grant').summary);
    } else if (value === 'client_credentials') {
      const ruleId = first('client_assertion') ? (federated ? 'http-token/client-assertion-federated' : 'http-token/client-assertion-certificate') : 'http-token/client-secret-grant';
      report(ruleId, grant.token, clientId !== null ? clientIdentity(clientId) : null, ruleById(HTTP_TOKEN_RULES, ruleId).summary);
    }
  }
  return findings;
}

/** Token parameters from form-encoded strings and from key/value pairs (the value is the next string after the key). */
function parametersOf(tokens: readonly StringToken[]): Parameter[] {
  const parameters: Parameter[] = [];
  tokens.forEach((token, index) => {
    if (token.isKeyName || /^(?:grant_type|client_id|username|client_secret|client_assertion)$/u.test(token.value)) {
      const next = tokens[index + 1];
      // `password` is both a grant type and a key: after `grant_type` any string is the value.
      const isValue = next !== undefined && !next.isKeyName && (token.value === 'grant_type' || !PARAMETER_NAMES.has(next.value));
      parameters.push({ name: token.value, value: isValue ? next.value : null, token });
      return;
    }
    for (const match of token.value.matchAll(FORM_PARAMETER)) {
      const name = match.groups?.['name'];
      if (name) parameters.push({ name, value: match.groups?.['value'] ?? null, token });
    }
  });
  return parameters;
}

/** Nodes a variable name sits in when it is being read: `getenv("X")`, `environ["X"]`, `process.env.X`. */
const READ_CONTEXTS = new Set(['argument_list', 'arguments', 'argument', 'subscript', 'subscript_expression', 'element_access_expression', 'bracketed_argument_list', 'member_expression']);

function readsEndpointVariable(token: StringToken): boolean {
  return ENDPOINT_VARIABLE.test(token.value) && READ_CONTEXTS.has(token.node.parent?.type ?? '');
}
