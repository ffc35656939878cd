import type { Node } from 'web-tree-sitter';
import type { SourceFile } from '../../core/detector.js';
import type { Language } from '../../core/languages.js';
import { placeholderFor } from '../../core/placeholders.js';
import { unescapeInPlace } from '../../detector-kit/same-length-unescape.js';
import { innerValue } from './hcl-nodes.js';

/** Functions that hand their template argument through to a script (encodings, whitespace trims). */
const PASS_THROUGH = new Set(['base64encode', 'base64gzip', 'textencodebase64', 'trimspace', 'chomp', 'trim', 'indent']);
/** Template parts HCL evaluates before the script exists: they become same-length placeholders. */
const EVALUATED = ['template_interpolation', 'template_if_intro', 'template_else_intro', 'template_if_end', 'template_for_start', 'template_for_end'];

/** The heredoc or quoted template an expression holds, looking through `base64encode(…)` and the like. */
export function templateOf(expression: Node): Node | null {
  let current = innerValue(expression);
  for (let depth = 0; depth < 4 && current.type === 'function_call'; depth += 1) {
    const name = current.namedChildren.find((child) => child?.type === 'identifier')?.text ?? '';
    const first = current.namedChildren.find((child) => child?.type === 'function_arguments')?.namedChildren.find((child) => child?.type === 'expression');
    if (!PASS_THROUGH.has(name) || !first) return null;
    current = innerValue(first);
  }
  return current.type === 'heredoc_template' || current.type === 'quoted_template' || current.type === 'string_lit' ? current : null;
}

/**
 * A script held in a Terraform string or heredoc, as a SourceFile of its language with every line and column
 * mapped back to the .tf file: a heredoc's body is cut from the host text as written (indentation kept, so
 * columns stay true), a quoted string is padded to its column. `${…}` interpolations and `%{…}` directives
 * become same-length placeholders (the identity functions put them back: `${var.admin}` → `var.admin`);
 * `$${` and `%%{` escapes keep their length as ` ${` and ` %{`, and so do a quoted string's `\"` escapes. `file(…)` and other expressions yield null:
 * a script file is scanned on its own.
 */
export function templateScript(host: SourceFile, expression: Node, language: Language): SourceFile | null {
  const template = templateOf(expression);
  if (!template) return null;
  let start: number;
  let end: number;
  let row: number;
  let pad = 0;
  if (template.type === 'heredoc_template') {
    const markers = template.namedChildren.filter((child): child is Node => child?.type === 'heredoc_identifier');
    const opening = markers[0];
    const closing = markers[markers.length - 1];
    if (!opening || !closing || opening.id === closing.id) return null;
    const newline = host.text.indexOf('\n', opening.endIndex);
    if (newline === -1) return null;
    start = newline + 1;
    end = closing.startIndex - closing.startPosition.column;
    row = opening.startPosition.row + 1;
  } else {
    start = template.startIndex + 1;
    end = template.endIndex - 1;
    row = template.startPosition.row;
    pad = template.startPosition.column + 1;
  }
  if (end <= start) return null;
  const chars = host.text.slice(start, end).split('');
  const placeholders = new Map<string, string>();
  for (const literal of template.descendantsOfType('template_literal')) {
    if (!literal) continue;
    for (let offset = literal.startIndex; offset < literal.endIndex - 2; offset += 1) {
      const escaped = host.text.startsWith('$${', offset) || host.text.startsWith('%%{', offset);
      if (escaped && offset >= start && offset < end) chars[offset - start] = ' ';
    }
  }
  for (const part of template.descendantsOfType(EVALUATED)) {
    if (!part || part.startIndex < start || part.endIndex > end) continue;
    const replacement = placeholderFor(host.text.slice(part.startIndex, part.endIndex), placeholders);
    for (let offset = 0; offset < replacement.length; offset += 1) chars[part.startIndex - start + offset] = replacement.charAt(offset);
  }
  // A quoted string's backslash escapes are decoded in place (a heredoc has none).
  const body = template.type === 'heredoc_template' ? chars.join('') : unescapeInPlace(chars.join(''));
  return {
    path: host.path,
    language,
    text: ' '.repeat(pad) + body,
    lineOffset: host.lineOffset + row,
    columnOffset: host.columnOffset ?? 0,
    placeholders,
  };
}
