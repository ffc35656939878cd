import { flagValue, indentOf, linesOf, withoutFlags, words } from './line-edits.js';
import type { PatchInput } from './patch-input.js';

function identityParameters(input: PatchInput, tenant: string | null): string[] {
  if (input.target.kind === 'managed-identity') return input.target.assignment === 'user-assigned' ? ['-Identity', '-AccountId', '$env:AZURE_CLIENT_ID'] : ['-Identity'];
  return ['-ServicePrincipal', '-ApplicationId', '$env:AZURE_CLIENT_ID', '-CertificateThumbprint', '$env:AZURE_CLIENT_CERTIFICATE_THUMBPRINT', '-Tenant', tenant ?? (input.tenantId ? `'${input.tenantId}'` : '$env:AZURE_TENANT_ID')];
}

/** The hashtable `$name = @{ … }` a splatted call (`Connect-AzAccount @name`) takes its parameters from: its line range. */
function splatRange(lines: readonly string[], before: number, name: string): { start: number; end: number } | null {
  for (let i = before; i >= 0; i--) {
    if (new RegExp(`^\\s*\\$${name}\\s*=\\s*@\\{\\s*$`, 'iu').test(lines[i] ?? '')) {
      for (let j = i + 1; j < lines.length && j <= before; j++) if (/^\s*\}\s*$/u.test(lines[j] ?? '')) return { start: i, end: j };
    }
  }
  return null;
}

/** `Connect-AzAccount -Credential $c` (or splatted `Credential = $c`) → `-Identity`, or a service principal with its certificate. */
export function connectAzAccountPatch(input: PatchInput): string | null {
  const { lines, eol } = linesOf(input.text);
  const index = input.line - 1;
  const line = lines[index];
  if (line === undefined) return null;
  const at = line.search(/Connect-AzAccount/iu);
  if (at < 0) return null;
  const rest = line.slice(at);
  const end = /\s\|\s/u.exec(rest)?.index ?? rest.length;
  const tokens = words(rest.slice(0, end));
  const splat = tokens.find((token) => token.startsWith('@'));
  if (splat) {
    const range = splatRange(lines, index - 1, splat.slice(1));
    if (!range) return null;
    const body = lines.slice(range.start + 1, range.end);
    const credential = body.findIndex((entry) => /^\s*Credential\s*=/iu.test(entry));
    if (credential < 0) return null;
    const tenantLine = body.find((entry) => /^\s*Tenant\s*=/iu.test(entry));
    const indent = indentOf(body[credential] ?? '');
    const parameters = identityParameters(input, tenantLine ? (tenantLine.split('=')[1] ?? '').trim() : null);
    const entries: string[] = [];
    for (let i = 0; i < parameters.length; i++) {
      const name = (parameters[i] ?? '').replace(/^-/u, '');
      const next = parameters[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        if (!(name === 'Tenant' && tenantLine)) entries.push(`${indent}${name} = ${next}`);
        i += 1;
      } else entries.push(`${indent}${name} = $true`);
    }
    lines.splice(range.start + 1 + credential, 1, ...entries);
    return lines.join(eol);
  }
  const tenant = flagValue(tokens, ['-tenant', '-tenantid']);
  const kept = withoutFlags(tokens.slice(1), ['-credential', ...(input.target.kind === 'managed-identity' ? [] : ['-tenant', '-tenantid'])]);
  lines[index] = `${line.slice(0, at)}${['Connect-AzAccount', ...identityParameters(input, tenant), ...kept].join(' ')}${rest.slice(end)}`;
  return lines.join(eol);
}
