import type { Node, Tree } from 'web-tree-sitter';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../detector.js';
import { FindingPlacer } from './finding-placer.js';
import { emptyBlock, type FlowBlock, type FlowProgram, type Jump } from './flow-program.js';
import { PointSet } from './point-set.js';

const LOOPS = new Set(['while_statement', 'for_statement', 'c_style_for_statement']);
const JUMPS: ReadonlyMap<string, Jump> = new Map<string, Jump>([['exit', 'exit'], ['return', 'return'], ['break', 'break'], ['continue', 'continue']]);
const SUBSHELLS = new Set(['subshell', 'command_substitution', 'process_substitution']);

function commandName(node: Node): string | null {
  const name = node.childForFieldName('name');
  return name ? name.text : null;
}

/**
 * The control flow of a shell script (tree-sitter-bash): if/elif/else, case (arms are exclusive; `;&`/`;;&` fall
 * through into the next arm), loops, `&&`/`||` lists, subshells (an `exit` there ends only the subshell; an
 * `az login` there persists, the Azure CLI caches tokens in files), functions and their calls, exit/return/break/continue.
 */
export function bashFlow(tree: Tree, file: SourceFile, findings: readonly ScanFinding[]): FlowProgram {
  const placer = new FindingPlacer(file, findings);
  const functions = new Map<string, FlowBlock>();
  const defined = new Set(tree.rootNode.descendantsOfType('function_definition').map((node) => node.childForFieldName('name')?.text ?? null).filter((name) => name !== null));
  const flowCommands = tree.rootNode.descendantsOfType('command').filter((command) => {
    const name = commandName(command);
    return name !== null && (JUMPS.has(name) || defined.has(name));
  });
  const interesting = new PointSet([...placer.points(), ...flowCommands.map((node) => node.startPosition)]);

  /** A block for `nodes` (statements of one arm), closed at `end`; findings before the first stay in `parent`. */
  const armOf = (parent: FlowBlock, nodes: readonly Node[], end: Node['endPosition']): FlowBlock => {
    const first = nodes[0];
    if (first) placer.placeBefore(parent, first.startPosition);
    const block = emptyBlock();
    for (const node of nodes) visit(node, block);
    placer.placeBefore(block, end);
    return block;
  };
  const named = (node: Node): Node[] => node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');

  const visit = (node: Node, block: FlowBlock): void => {
    if (node.type === 'comment' || !interesting.within(node.startPosition, node.endPosition)) return;
    placer.placeBefore(block, node.startPosition);
    structure(node, block);
    placer.placeBefore(block, node.endPosition);
  };

  const structure = (node: Node, block: FlowBlock): void => {
    const children = named(node);
    switch (node.type) {
      case 'function_definition': {
        const body = emptyBlock();
        for (const child of children) if (child.id !== node.childForFieldName('name')?.id) visit(child, body);
        placer.placeBefore(body, node.endPosition);
        functions.set(node.childForFieldName('name')?.text ?? `function@${node.startIndex}`, body);
        return;
      }
      case 'if_statement': {
        const conditions = new Set(node.childrenForFieldName('condition').map((condition) => condition.id));
        const thenPart: Node[] = [];
        const clauses: Node[] = [];
        for (const child of children) {
          if (conditions.has(child.id)) visit(child, block);
          else if (child.type === 'elif_clause' || child.type === 'else_clause') clauses.push(child);
          else thenPart.push(child);
        }
        const arms = [armOf(block, thenPart, clauses[0]?.startPosition ?? node.endPosition)];
        for (const clause of clauses) arms.push(armOf(block, named(clause), clause.endPosition));
        block.items.push({ kind: 'branch', arms, exhaustive: clauses.some((clause) => clause.type === 'else_clause'), catchesBreak: false });
        return;
      }
      case 'case_statement': {
        const value = node.childForFieldName('value');
        if (value) visit(value, block);
        const items = children.filter((child) => child.type === 'case_item');
        const arms = items.map((item) => {
          const values = new Set(item.childrenForFieldName('value').map((part) => part.id));
          return armOf(block, named(item).filter((part) => !values.has(part.id)), item.endPosition);
        });
        items.forEach((item, index) => {
          const next = arms[index + 1];
          if (item.childForFieldName('fallthrough') && next) arms[index]?.items.push({ kind: 'block', body: next });
        });
        const exhaustive = items.some((item) => item.childrenForFieldName('value').some((part) => part.text === '*'));
        block.items.push({ kind: 'branch', arms, exhaustive, catchesBreak: false });
        return;
      }
      case 'list': {
        // a && b || c: the first command surely runs, the others depend on it.
        children.forEach((child, index) => {
          if (index === 0) visit(child, block);
          else block.items.push({ kind: 'branch', arms: [armOf(block, [child], child.endPosition)], exhaustive: false, catchesBreak: false });
        });
        return;
      }
      case 'command': {
        for (const child of children) visit(child, block);
        placer.placeBefore(block, node.endPosition);
        const name = commandName(node);
        const jump = name === null ? undefined : JUMPS.get(name);
        if (jump) block.items.push({ kind: 'jump', to: jump });
        else if (name !== null && defined.has(name)) block.items.push({ kind: 'call', name });
        return;
      }
      default:
        if (SUBSHELLS.has(node.type)) {
          block.items.push({ kind: 'subshell', body: armOf(block, children, node.endPosition) });
          return;
        }
        if (LOOPS.has(node.type)) {
          const body = node.childForFieldName('body');
          for (const child of children) {
            if (child.id === body?.id) block.items.push({ kind: 'loop', body: armOf(block, [child], child.endPosition), atLeastOnce: false });
            else visit(child, block);
          }
          return;
        }
        for (const child of children) visit(child, block);
    }
  };

  const body = emptyBlock();
  visit(tree.rootNode, body);
  placer.placeRest(body);
  return { body, functions };
}
