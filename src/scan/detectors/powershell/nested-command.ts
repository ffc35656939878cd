import type { Node } from 'web-tree-sitter';
import { MAX_NESTED_SCRIPTS, type SourceFile } from '../../core/detector.js';
import { unwrap, type CommandCall } from './syntax.js';

const POWERSHELL_HOSTS = new Set(['powershell', 'pwsh']);
/** `-Command` and the abbreviations PowerShell's own help shows for it. */
const COMMAND_PARAMETERS = new Set(['command', 'c', 'com', 'comm']);

/**
 * The script a `powershell -Command …` / `pwsh -c …` call runs (a VM extension's `commandToExecute`, a scheduled
 * task's action), as PowerShell at its place in the file: a quoted argument's content, or every word after
 * `-Command` (PowerShell joins them). A `{ … }` script block is already part of the tree and is not returned.
 */
export function nestedPowerShell(file: SourceFile, call: CommandCall): SourceFile | null {
  if (!POWERSHELL_HOSTS.has(call.name) || (file.nesting ?? 0) >= MAX_NESTED_SCRIPTS) return null;
  const parameter = call.parameters.find((candidate) => COMMAND_PARAMETERS.has(candidate.name));
  const value = parameter?.value;
  if (!value) return null;
  const inner = unwrap(value);
  if (inner.type === 'script_block_expression') return null;
  const quoted = inner.type === 'string_literal' ? inner.namedChildren.find((child): child is Node => child !== null) : null;
  const isString = quoted?.type === 'expandable_string_literal' || quoted?.type === 'verbatim_string_literal';
  const start = isString && quoted ? quoted.startIndex + 1 : value.startIndex;
  const end = isString && quoted ? quoted.endIndex - 1 : call.node.endIndex;
  if (end <= start) return null;
  const column = (isString && quoted ? quoted.startPosition.column + 1 : value.startPosition.column);
  return {
    path: file.path,
    language: 'powershell',
    text: ' '.repeat(column) + file.text.slice(start, end),
    lineOffset: file.lineOffset + value.startPosition.row,
    columnOffset: file.columnOffset ?? 0,
    nesting: (file.nesting ?? 0) + 1,
    ...(file.placeholders ? { placeholders: file.placeholders } : {}),
  };
}
