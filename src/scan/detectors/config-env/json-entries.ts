import { parseTree, type Node } from 'jsonc-parser';
import { offsetPoint } from '../../detector-kit/text-position.js';
import { CREDENTIAL_ENV_NAMES } from '../../../catalog/credential-env-vars.js';
import { literalOrNull, type EnvEntry } from './env-entry.js';

/** Parses JSON with comments and trailing commas (appsettings.json and ARM templates allow both). */
export function parseJsonc(text: string): Node | null {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false }) ?? null;
}

/**
 * Credential variables set in a JSON settings file: a property named like one (`"Values": {"AZURE_CLIENT_SECRET": …}`)
 * or an App Service style `{ "name": "AZURE_PASSWORD", "value": … }` entry. Only known credential names are kept.
 */
export function jsonEnvEntries(text: string, root: Node): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.type === 'object') {
      const named = namedSetting(text, node);
      if (named) entries.push(named);
    }
    if (node.type === 'property') {
      const [key, value] = node.children ?? [];
      const name = typeof key?.value === 'string' ? key.value : null;
      if (key && name !== null && CREDENTIAL_ENV_NAMES.has(name)) {
        entries.push({ name, value: typeof value?.value === 'string' ? literalOrNull(value.value) : null, at: offsetPoint(text, key.offset) });
      }
    }
    for (const child of [...(node.children ?? [])].reverse()) stack.push(child);
  }
  return entries.sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column);
}

function namedSetting(text: string, object: Node): EnvEntry | null {
  let nameNode: Node | null = null;
  let value: string | null = null;
  for (const property of object.children ?? []) {
    const [key, child] = property.children ?? [];
    if (key?.value === 'name' && typeof child?.value === 'string') nameNode = child;
    if (key?.value === 'value' && typeof child?.value === 'string') value = literalOrNull(child.value);
  }
  const name = typeof nameNode?.value === 'string' ? nameNode.value : null;
  if (!nameNode || name === null || !CREDENTIAL_ENV_NAMES.has(name)) return null;
  return { name, value, at: offsetPoint(text, nameNode.offset) };
}
