import type { Node } from 'web-tree-sitter';
import type { TreeSitterLanguage } from '../../core/languages.js';
import { unquoteLiteral } from '../../detector-kit/sdk-call.js';

/** A string (or a key that names a token parameter) in source order. */
export interface StringToken {
  node: Node;
  /** The source text, quotes included. */
  raw: string;
  /** The value with one layer of quotes removed (the raw text when it is not quoted). */
  value: string;
  /** True for a key written as a name (`grant_type:` in JS, `grant_type =` in a PowerShell hashtable, `grant_type=` as a Python keyword). */
  isKeyName: boolean;
}

const STRING_TYPES: Readonly<Record<string, readonly string[]>> = {
  python: ['string'],
  javascript: ['string', 'template_string'],
  typescript: ['string', 'template_string'],
  tsx: ['string', 'template_string'],
  c_sharp: ['string_literal', 'verbatim_string_literal', 'interpolated_string_expression', 'raw_string_literal'],
  java: ['string_literal', 'text_block'],
  go: ['interpreted_string_literal', 'raw_string_literal'],
  bash: ['string', 'raw_string', 'word', 'concatenation', 'heredoc_body'],
};

/** Node types that name an object key or keyword argument. */
const KEY_NAME_TYPES = ['property_identifier', 'identifier', 'key_expression'];

/** Names worth reading when written as a bare key or property (`process.env.IDENTITY_ENDPOINT`). */
export const TOKEN_PARAMETERS = new Set(['grant_type', 'client_id', 'client_secret', 'client_assertion', 'client_assertion_type', 'username', 'device_code', 'IDENTITY_ENDPOINT', 'MSI_ENDPOINT']);

export function supportsStrings(language: TreeSitterLanguage): boolean {
  return Object.hasOwn(STRING_TYPES, language);
}

/** Every string literal of the tree (and bare token-parameter keys), in source order. Comments are never strings. */
export function stringTokens(root: Node, language: TreeSitterLanguage): StringToken[] {
  const types = STRING_TYPES[language] ?? [];
  const tokens: StringToken[] = [];
  for (const node of root.descendantsOfType([...types, ...KEY_NAME_TYPES])) {
    if (!node) continue;
    const isKeyName = KEY_NAME_TYPES.includes(node.type);
    if (isKeyName && !TOKEN_PARAMETERS.has(node.text)) continue;
    const raw = node.text;
    tokens.push({ node, raw, value: isKeyName ? raw : (unquoteLiteral(raw) ?? raw), isKeyName });
  }
  return tokens;
}
