/** Bicep tokens, enough to read resource declarations and object literals. */
export type BicepTokenKind = 'identifier' | 'string' | 'multiline-string' | 'punctuation' | 'newline' | 'other';

export interface BicepToken {
  kind: BicepTokenKind;
  /** Source text, quotes included. */
  text: string;
  /** Strings: the value (escapes decoded; interpolations kept as written). */
  value: string;
  offset: number;
  /** Single-quoted strings with `${…}`. */
  interpolated: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

/**
 * Tokenizes Bicep: `//` and `/* *\/` comments are dropped (a commented-out resource is no resource), strings keep
 * their decoded value, `'''…'''` strings are verbatim (the first newline after the opening quotes is not content).
 */
export function lexBicep(text: string): BicepToken[] {
  const tokens: BicepToken[] = [];
  let index = 0;
  const push = (kind: BicepTokenKind, start: number, end: number, value: string, interpolated = false): void => {
    tokens.push({ kind, text: text.slice(start, end), value, offset: start, interpolated });
  };
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\n') {
      push('newline', index, index + 1, '\n');
      index += 1;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      index += 1;
    } else if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 2;
    } else if (text.startsWith("'''", index)) {
      const end = text.indexOf("'''", index + 3);
      const close = end === -1 ? text.length : end;
      const body = text.slice(index + 3, close).replace(/^\r?\n/u, '');
      push('multiline-string', index, Math.min(text.length, close + 3), body);
      index = Math.min(text.length, close + 3);
    } else if (char === "'") {
      const start = index;
      let value = '';
      let interpolated = false;
      let depth = 0;
      index += 1;
      while (index < text.length) {
        const current = text.charAt(index);
        if (depth === 0 && current === "'") break;
        if (current === '\\' && index + 1 < text.length) {
          const next = text.charAt(index + 1);
          value += ESCAPES[next] ?? next;
          index += 2;
          continue;
        }
        if (text.startsWith('${', index)) {
          interpolated = true;
          depth += 1;
        } else if (current === '}' && depth > 0) {
          depth -= 1;
        }
        value += current;
        index += 1;
      }
      index = Math.min(text.length, index + 1);
      push('string', start, index, value, interpolated);
    } else if (/[A-Za-z_]/u.test(char)) {
      const start = index;
      while (index < text.length && /[\w]/u.test(text.charAt(index))) index += 1;
      push('identifier', start, index, text.slice(start, index));
    } else if ('{}[]():,=?.!@'.includes(char)) {
      push('punctuation', index, index + 1, char);
      index += 1;
    } else {
      push('other', index, index + 1, char);
      index += 1;
    }
  }
  return tokens;
}
