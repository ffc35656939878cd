import type { BicepToken } from './bicep-lexer.js';

/** A Bicep value as far as the detector needs it: objects, arrays, strings; anything else is an opaque expression. */
export type BicepValue =
  | { kind: 'object'; start: BicepToken; properties: BicepProperty[] }
  | { kind: 'array'; start: BicepToken; items: BicepValue[] }
  | { kind: 'string'; token: BicepToken }
  | { kind: 'expression'; start: BicepToken };

export interface BicepProperty {
  key: string;
  keyToken: BicepToken;
  value: BicepValue;
}

/** Reads the value starting at `tokens[index]`; returns it and the index after it. */
export function readValue(tokens: readonly BicepToken[], index: number): { value: BicepValue; next: number } | null {
  const start = tokens[index];
  if (!start) return null;
  if (start.text === '{') return readObject(tokens, index, start);
  if (start.text === '[') return readArray(tokens, index, start);
  const after = tokens[index + 1];
  const isWholeValue = !after || after.kind === 'newline' || after.text === ',' || after.text === '}' || after.text === ']';
  if ((start.kind === 'string' || start.kind === 'multiline-string') && isWholeValue) return { value: { kind: 'string', token: start }, next: index + 1 };
  return { value: { kind: 'expression', start }, next: skipExpression(tokens, index) };
}

/** Past an expression: to the end of its line (or a separator) outside any brackets. */
function skipExpression(tokens: readonly BicepToken[], index: number): number {
  let depth = 0;
  let current = index;
  while (current < tokens.length) {
    const token = tokens[current];
    if (!token) break;
    if (depth === 0 && (token.kind === 'newline' || token.text === ',' || token.text === '}' || token.text === ']')) break;
    if (token.text === '(' || token.text === '[' || token.text === '{') depth += 1;
    if (token.text === ')' || token.text === ']' || token.text === '}') depth -= 1;
    current += 1;
  }
  return current;
}

function skipSeparators(tokens: readonly BicepToken[], index: number): number {
  let current = index;
  while (tokens[current]?.kind === 'newline' || tokens[current]?.text === ',') current += 1;
  return current;
}

function readObject(tokens: readonly BicepToken[], index: number, start: BicepToken): { value: BicepValue; next: number } {
  const properties: BicepProperty[] = [];
  let current = skipSeparators(tokens, index + 1);
  while (current < tokens.length && tokens[current]?.text !== '}') {
    const keyToken = tokens[current];
    const colon = tokens[current + 1];
    if (!keyToken || colon?.text !== ':' || (keyToken.kind !== 'identifier' && keyToken.kind !== 'string')) {
      current = skipSeparators(tokens, skipExpression(tokens, current + 1));
      continue;
    }
    const read = readValue(tokens, current + 2);
    if (!read) break;
    properties.push({ key: keyToken.value, keyToken, value: read.value });
    current = skipSeparators(tokens, read.next);
  }
  return { value: { kind: 'object', start, properties }, next: current + 1 };
}

function readArray(tokens: readonly BicepToken[], index: number, start: BicepToken): { value: BicepValue; next: number } {
  const items: BicepValue[] = [];
  let current = skipSeparators(tokens, index + 1);
  while (current < tokens.length && tokens[current]?.text !== ']') {
    const read = readValue(tokens, current);
    if (!read || read.next === current) {
      current += 1;
      continue;
    }
    items.push(read.value);
    current = skipSeparators(tokens, read.next);
  }
  return { value: { kind: 'array', start, items }, next: current + 1 };
}

export function property(value: BicepValue | undefined, key: string): BicepValue | undefined {
  if (value?.kind !== 'object') return undefined;
  return value.properties.find((candidate) => candidate.key === key)?.value;
}

export function propertyEntry(value: BicepValue | undefined, key: string): BicepProperty | undefined {
  if (value?.kind !== 'object') return undefined;
  return value.properties.find((candidate) => candidate.key === key);
}

export function stringOf(value: BicepValue | undefined): string | null {
  return value?.kind === 'string' && !value.token.interpolated ? value.token.value : null;
}

/** A resource or module declaration: `resource name 'Type@version' [existing] = { … }` (or `= [for …: { … }]`, `= if (…) { … }`), `module name './path.bicep' = { … }`. */
export interface BicepResource {
  keyword: BicepToken;
  type: string;
  body: BicepValue;
}

export function bicepResources(tokens: readonly BicepToken[]): BicepResource[] {
  const resources: BicepResource[] = [];
  tokens.forEach((token, index) => {
    const atLineStart = index === 0 || tokens[index - 1]?.kind === 'newline';
    const typeToken = tokens[index + 2];
    // Modules count too: their params can carry app settings into the module's resources.
    if (!atLineStart || token.kind !== 'identifier' || (token.text !== 'resource' && token.text !== 'module') || typeToken?.kind !== 'string') return;
    let current = index + 3;
    while (current < tokens.length && tokens[current]?.text !== '=') current += 1;
    while (current < tokens.length && tokens[current]?.text !== '{') current += 1;
    const read = readValue(tokens, current);
    if (read?.value.kind === 'object') resources.push({ keyword: token, type: typeToken.value.split('@')[0] ?? '', body: read.value });
  });
  return resources;
}

/** Every object inside a value (itself included), depth first. */
export function allObjects(value: BicepValue): BicepValue[] {
  const found: BicepValue[] = [];
  const stack: BicepValue[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) continue;
    if (current.kind === 'object') {
      found.push(current);
      for (const entry of [...current.properties].reverse()) stack.push(entry.value);
    } else if (current.kind === 'array') {
      for (const item of [...current.items].reverse()) stack.push(item);
    }
  }
  return found;
}
