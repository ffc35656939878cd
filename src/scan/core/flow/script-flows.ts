import type { Tree } from 'web-tree-sitter';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../detector.js';
import type { Language } from '../languages.js';
import { bashFlow } from './bash-flow.js';
import type { FlowProgram } from './flow-program.js';
import { powershellFlow } from './powershell-flow.js';

/** Builds a script's flow from its tree-sitter AST, placing `findings` (host coordinates) where they run. */
export type FlowBuilder = (tree: Tree, file: SourceFile, findings: readonly ScanFinding[]) => FlowProgram;

/** The script languages whose logins and ambient steps are resolved along their control flow. */
export const SCRIPT_FLOWS: ReadonlyMap<Language, FlowBuilder> = new Map<Language, FlowBuilder>([
  ['powershell', powershellFlow],
  ['bash', bashFlow],
]);
