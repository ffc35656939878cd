import { flagValue, linesOf, withoutFlags, words } from './line-edits.js';
import type { PatchInput } from './patch-input.js';

const USER_FLAGS = ['-u', '--username', '-p', '--password'];

/** `az login -u … -p …` → `az login --identity` (managed identity) or a service principal with its certificate. */
export function azCliLoginPatch(input: PatchInput): string | null {
  const { lines, eol } = linesOf(input.text);
  const line = lines[input.line - 1];
  if (line === undefined) return null;
  const at = line.indexOf('az login');
  if (at < 0) return null;
  // The command ends at the line's end or at a shell operator; what follows is kept as it is.
  const rest = line.slice(at);
  const end = /\s(?:&&|\|\||;|\|)\s/u.exec(rest)?.index ?? rest.length;
  const tokens = words(rest.slice(0, end));
  const kept = withoutFlags(tokens.slice(2), [...USER_FLAGS, '--tenant', '-t']);
  const tenant = flagValue(tokens, ['--tenant', '-t']) ?? (input.tenantId ?? '"$AZURE_TENANT_ID"');
  const login =
    input.target.kind === 'managed-identity'
      ? ['az', 'login', '--identity', ...(input.target.assignment === 'user-assigned' ? ['--client-id', '"$AZURE_CLIENT_ID"'] : []), ...kept]
      : ['az', 'login', '--service-principal', '--username', '"$AZURE_CLIENT_ID"', '--certificate', '"$AZURE_CLIENT_CERTIFICATE_PATH"', '--tenant', tenant, ...kept];
  lines[input.line - 1] = `${line.slice(0, at)}${login.join(' ')}${rest.slice(end)}`;
  return lines.join(eol);
}
