import type { ScanFinding } from '../../../model/scan-finding.js';

/**
 * A script's control flow, reduced to what ambient resolution needs: where each finding runs, which constructs
 * choose between paths, and the jumps that leave them. Built from the tree-sitter AST (powershell-flow.ts,
 * bash-flow.ts) or composed from a CI job's steps (resolve-ambient.ts); read by reaching-logins.ts.
 */
export type FlowNode =
  /** A finding, in execution order; `finding` is the detector's original object (flow-facts.ts). */
  | { kind: 'finding'; finding: ScanFinding }
  /** A command that invokes a function defined in the same program (by its normalised name). */
  | { kind: 'call'; name: string }
  /** `exit`/`throw` end the program (an embedded script: that step); the others act on the nearest function or loop. */
  | { kind: 'jump'; to: Jump }
  /** Exactly one arm runs, or none when not `exhaustive` (no else/default). `catchesBreak`: a PowerShell switch. */
  | { kind: 'branch'; arms: FlowBlock[]; exhaustive: boolean; catchesBreak: boolean }
  /** Runs zero or more times (`atLeastOnce`: do…while); also script blocks handed to a command, which may run or not. */
  | { kind: 'loop'; body: FlowBlock; atLeastOnce: boolean }
  /** The body runs; a handler may run after any part of it; `final` runs after either. */
  | { kind: 'try'; body: FlowBlock; handlers: FlowBlock[]; final: FlowBlock | null }
  /** A bash subshell `( … )` or `$( … )`: `exit` ends only it. The Azure CLI login it makes persists (a file cache). */
  | { kind: 'subshell'; body: FlowBlock }
  /** Statements that run in sequence here (a `case` arm falling through into the next). */
  | { kind: 'block'; body: FlowBlock }
  /** A whole script embedded in a host file (a CI step): its own functions; its `exit` ends the step. */
  | { kind: 'program'; program: FlowProgram };

export type Jump = 'exit' | 'throw' | 'return' | 'break' | 'continue';

export interface FlowBlock {
  items: FlowNode[];
}

export interface FlowProgram {
  body: FlowBlock;
  /** Functions by normalised name (lower-case in PowerShell); run where a `call` names them, never in place. */
  functions: ReadonlyMap<string, FlowBlock>;
}

export function emptyBlock(): FlowBlock {
  return { items: [] };
}
