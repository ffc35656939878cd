import { linesOf } from './line-edits.js';
import type { PatchInput } from './patch-input.js';

/** Where the call that opens at `open` closes (its matching parenthesis), skipping string literals and comments. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = null;
    } else if (char === '#') {
      const newline = text.indexOf('\n', i);
      if (newline < 0) return -1;
      i = newline;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** `UsernamePasswordCredential(…)` → `ManagedIdentityCredential()` (its import too): no password in the environment. */
export function pythonCredentialPatch(input: PatchInput): string | null {
  if (input.target.kind !== 'managed-identity') return null;
  const { lines, eol } = linesOf(input.text);
  const offset = lines.slice(0, input.line - 1).reduce((sum, line) => sum + line.length + eol.length, 0);
  const at = input.text.indexOf('UsernamePasswordCredential(', offset);
  if (at < 0) return null;
  const close = closingParen(input.text, at + 'UsernamePasswordCredential'.length);
  if (close < 0) return null;
  const argument = input.target.assignment === 'user-assigned' ? 'client_id=os.environ["AZURE_CLIENT_ID"]' : '';
  const patched = `${input.text.slice(0, at)}ManagedIdentityCredential(${argument})${input.text.slice(close + 1)}`;
  return patched.replace(/^(?<head>from azure\.identity import .*)\bUsernamePasswordCredential\b/mu, '$<head>ManagedIdentityCredential');
}
