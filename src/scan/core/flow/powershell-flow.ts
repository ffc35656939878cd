import type { Node, Tree } from 'web-tree-sitter';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../detector.js';
import { FindingPlacer } from './finding-placer.js';
import { emptyBlock, type FlowBlock, type FlowProgram, type Jump } from './flow-program.js';
import { PointSet } from './point-set.js';

const LOOPS = new Set(['while_statement', 'for_statement', 'foreach_statement', 'do_statement']);
const JUMPS: ReadonlyMap<string, Jump> = new Map<string, Jump>([['exit', 'exit'], ['throw', 'throw'], ['return', 'return'], ['break', 'break'], ['continue', 'continue']]);

/** What `return` leaves: the function, the script block (like `continue` for ForEach-Object), or the script. */
type ReturnTarget = 'return' | 'continue' | 'exit';

function functionName(node: Node): string | null {
  return node.namedChildren.find((child) => child?.type === 'function_name')?.text.toLowerCase() ?? null;
}

function commandName(node: Node): string | null {
  return node.namedChildren.find((child) => child?.type === 'command_name' || child?.type === 'command_name_expr')?.text.toLowerCase() ?? null;
}

/**
 * The control flow of a PowerShell script (tree-sitter-powershell): if/elseif/else, switch (clauses are
 * exclusive arms, as the issue asks, although PowerShell may run several matching clauses), loops, try/catch/finally,
 * trap, `&&`/`||` chains, script blocks handed to commands (they may run or not), functions and their calls,
 * exit/throw/return/break/continue.
 */
export function powershellFlow(tree: Tree, file: SourceFile, findings: readonly ScanFinding[]): FlowProgram {
  const placer = new FindingPlacer(file, findings);
  const functions = new Map<string, FlowBlock>();
  const defined = new Set(tree.rootNode.descendantsOfType('function_statement').map(functionName).filter((name) => name !== null));
  const calls = defined.size === 0 ? [] : tree.rootNode.descendantsOfType('command').filter((command) => defined.has(commandName(command) ?? ''));
  const jumps = tree.rootNode.descendantsOfType('flow_control_statement');
  const interesting = new PointSet([...placer.points(), ...calls.map((node) => node.startPosition), ...jumps.map((node) => node.startPosition)]);

  /** A block of its own for the statements under `node` (an arm, a loop body); findings before it stay in `parent`. */
  const arm = (parent: FlowBlock, node: Node, returns: ReturnTarget): FlowBlock => {
    placer.placeBefore(parent, node.startPosition);
    const block = emptyBlock();
    for (const child of node.namedChildren) if (child) visit(child, block, returns);
    placer.placeBefore(block, node.endPosition);
    return block;
  };

  const visit = (node: Node, block: FlowBlock, returns: ReturnTarget): void => {
    if (node.type === 'comment' || !interesting.within(node.startPosition, node.endPosition)) return;
    placer.placeBefore(block, node.startPosition);
    structure(node, block, returns);
    placer.placeBefore(block, node.endPosition);
  };

  const structure = (node: Node, block: FlowBlock, returns: ReturnTarget): void => {
    const children = node.namedChildren.filter((child): child is Node => child !== null);
    switch (node.type) {
      case 'function_statement':
      case 'class_statement': {
        // Defined here, run where called; class methods are never called by name, so their entry is unknown.
        const body = emptyBlock();
        for (const child of children) if (child.type !== 'function_name') visit(child, body, 'return');
        placer.placeBefore(body, node.endPosition);
        functions.set(node.type === 'function_statement' ? (functionName(node) ?? `function@${node.startIndex}`) : `class@${node.startIndex}`, body);
        return;
      }
      case 'if_statement': {
        const arms: FlowBlock[] = [];
        let exhaustive = false;
        for (const child of children) {
          if (child.type === 'statement_block' && arms.length === 0) arms.push(arm(block, child, returns));
          else if (child.type === 'elseif_clauses') {
            for (const clause of child.namedChildren) if (clause?.type === 'elseif_clause') arms.push(arm(block, clause, returns));
          } else if (child.type === 'else_clause') {
            arms.push(arm(block, child, returns));
            exhaustive = true;
          } else visit(child, block, returns);
        }
        block.items.push({ kind: 'branch', arms, exhaustive, catchesBreak: false });
        return;
      }
      case 'switch_statement': {
        const arms: FlowBlock[] = [];
        let exhaustive = false;
        for (const child of children) {
          if (child.type !== 'switch_body') {
            visit(child, block, returns);
            continue;
          }
          const clauses = child.namedChildren.find((part) => part?.type === 'switch_clauses')?.namedChildren ?? [];
          for (const clause of clauses) {
            if (clause?.type !== 'switch_clause') continue;
            arms.push(arm(block, clause, returns));
            if (clause.namedChildren.find((part) => part?.type === 'switch_clause_condition')?.text.toLowerCase() === 'default') exhaustive = true;
          }
        }
        block.items.push({ kind: 'branch', arms, exhaustive, catchesBreak: true });
        return;
      }
      case 'try_statement': {
        let body: FlowBlock | null = null;
        const handlers: FlowBlock[] = [];
        let final: FlowBlock | null = null;
        for (const child of children) {
          if (child.type === 'statement_block' && body === null) body = arm(block, child, returns);
          else if (child.type === 'catch_clauses') {
            for (const clause of child.namedChildren) if (clause?.type === 'catch_clause') handlers.push(arm(block, clause, returns));
          } else if (child.type === 'finally_clause') final = arm(block, child, returns);
        }
        block.items.push({ kind: 'try', body: body ?? emptyBlock(), handlers, final });
        return;
      }
      case 'trap_statement':
        // A trap handler runs on an error anywhere after it, or never: a body that may run here.
        block.items.push({ kind: 'loop', body: arm(block, node, returns), atLeastOnce: false });
        return;
      case 'script_block_expression':
        // { … } handed to ForEach-Object, Invoke-Command, Where-Object …: may run any number of times, or never.
        block.items.push({ kind: 'loop', body: arm(block, node, 'continue'), atLeastOnce: false });
        return;
      case 'pipeline': {
        // a && b || c: only the first chain surely runs.
        let conditional = false;
        for (const child of children) {
          if (child.type === 'pipeline_chain_tail') conditional = true;
          else if (conditional) block.items.push({ kind: 'branch', arms: [arm(block, child, returns)], exhaustive: false, catchesBreak: false });
          else visit(child, block, returns);
        }
        return;
      }
      case 'flow_control_statement': {
        const jump = JUMPS.get(node.child(0)?.type ?? '');
        for (const child of children) visit(child, block, returns);
        placer.placeBefore(block, node.endPosition);
        if (jump) block.items.push({ kind: 'jump', to: jump === 'return' ? returns : jump });
        return;
      }
      case 'command': {
        for (const child of children) visit(child, block, returns);
        placer.placeBefore(block, node.endPosition);
        const name = commandName(node);
        if (name !== null && defined.has(name)) block.items.push({ kind: 'call', name });
        return;
      }
      default:
        if (LOOPS.has(node.type)) {
          for (const child of children) {
            if (child.type === 'statement_block') block.items.push({ kind: 'loop', body: arm(block, child, returns), atLeastOnce: node.type === 'do_statement' });
            else visit(child, block, returns);
          }
          return;
        }
        for (const child of children) visit(child, block, returns);
    }
  };

  const body = emptyBlock();
  visit(tree.rootNode, body, 'exit');
  placer.placeRest(body);
  return { body, functions };
}
