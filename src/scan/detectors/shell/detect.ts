import type { Node } from 'web-tree-sitter';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import type { DetectContext, ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById, type Point } from '../../core/finding.js';
import { clientIdentity, referenceOf, scriptText, secretNameIdentity, unquote, userIdentity } from '../../core/identity-ref.js';
import { classifyAz, type ArgumentIdentity } from './az-cli.js';
import { matchEnvCredentials, setsTerraformCredential, type EnvAssignment } from './env-credentials.js';
import { pipelineVariableOf, SHELL_PRINT_COMMANDS } from '../../detector-kit/pipeline-logging-command.js';
import { nestedScript } from './nested-command.js';
import { SHELL_RULES } from './rules.js';

export const SHELL_ECOSYSTEM = 'azure-cli';

const WRAPPERS = new Set(['sudo', 'env', 'time', 'nohup', 'exec', 'command']);
const TERRAFORM_VERBS = new Set(['apply', 'plan', 'destroy', 'import', 'refresh']);
const NOT_ARGUMENTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect', 'comment', 'variable_assignment', 'command_name']);
const SIMPLE_VARIABLE = /^\$(?:\{(?<braced>[A-Za-z_]\w*)\}|(?<name>[A-Za-z_]\w*))$/u;

/** The variables a script has assigned so far (raw value text), to follow `$U` back to its literal. */
class Variables {
  private readonly values = new Map<string, string>();
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  /** The text a `$NAME` argument stands for, followed up to three assignments deep. */
  follow(text: string): string {
    let current = text;
    for (let depth = 0; depth < 3; depth += 1) {
      const groups = SIMPLE_VARIABLE.exec(unquote(current))?.groups;
      const name = groups?.['braced'] ?? groups?.['name'];
      const assigned = name ? this.values.get(name) : undefined;
      if (assigned === undefined) return current;
      current = assigned;
    }
    return current;
  }
}

function identities(variables: Variables, file: SourceFile): ArgumentIdentity {
  const prepare = (text: string): { text: string; macros: boolean } => scriptText(variables.follow(text), file.placeholders);
  return {
    user: (text) => {
      const prepared = prepare(text);
      return userIdentity(prepared.text, prepared.macros);
    },
    client: (text) => {
      const prepared = prepare(text);
      return clientIdentity(prepared.text, prepared.macros);
    },
    // Only a *name* is ever returned for a secret: the followed reference, else the variable it was read from.
    secretName: (text) => {
      const prepared = prepare(text);
      const direct = scriptText(text, file.placeholders);
      return secretNameIdentity(prepared.text, prepared.macros) ?? referenceOf(direct.text, direct.macros);
    },
  };
}

function pointOf(node: Node): Point {
  return { row: node.startPosition.row, column: node.startPosition.column };
}

function commandWords(command: Node): { name: string; nameNode: Node; args: Node[] } | null {
  const nameNode = command.childForFieldName('name');
  if (!nameNode) return null;
  const args = command.namedChildren.filter((child): child is Node => child !== null && child.startIndex > nameNode.startIndex && !NOT_ARGUMENTS.has(child.type));
  const base = (nameNode.text.split('/').pop() ?? '').toLowerCase();
  if (WRAPPERS.has(base)) {
    // The wrapped command starts at the first word that is not a wrapper option or NAME=value.
    const start = args.findIndex((arg) => !arg.text.startsWith('-') && !/^[A-Za-z_]\w*=/u.test(arg.text));
    const inner = args[start];
    if (!inner) return null;
    return { name: (inner.text.split('/').pop() ?? '').toLowerCase(), nameNode: inner, args: args.slice(start + 1) };
  }
  return { name: base, nameNode, args };
}

/** Shell scripts (bash/sh, and scripts embedded in CI YAML): az logins, deployments, terraform, credential env vars. */
export async function detectShell(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  if (parsed.kind !== 'tree') return [];
  const findings: ScanFinding[] = [];
  /** Scripts run by `bash -c '…'` / `pwsh -Command "…"`, scanned once the walk is done. */
  const nested: SourceFile[] = [];
  const variables = new Variables();
  const exported: EnvAssignment<Point>[] = [];
  /** Variables set for the job's later steps with `##vso[task.setvariable]`: reported, but not in this script's environment. */
  const pipelineVariables: EnvAssignment<Point>[] = [];
  const add = (rule: string, at: Point, identity: IdentityRef | null, message: string): void => {
    findings.push(createFinding(ruleById(SHELL_RULES, rule), SHELL_ECOSYSTEM, file, at, identity, message));
  };

  const visitAssignment = (node: Node, exportedScope: boolean, into: EnvAssignment<Point>[]): void => {
    const name = node.childForFieldName('name')?.text;
    const valueNode = node.childForFieldName('value');
    if (!name) return;
    const valueText = valueNode?.text ?? '';
    variables.set(name, valueText);
    if (exportedScope) into.push({ name, value: valueText, at: pointOf(node) });
    if (exportedScope && name === 'AZURE_CONFIG_DIR') add('shell/azure-config-dir-ambient', pointOf(node), null, 'AZURE_CONFIG_DIR makes later az commands use the login cached in that directory');
  };

  const visit = (node: Node): void => {
    if (node.type === 'declaration_command') {
      const isExport = node.child(0)?.type === 'export';
      for (const child of node.namedChildren) if (child?.type === 'variable_assignment') visitAssignment(child, isExport, exported);
      return;
    }
    if (node.type === 'variable_assignment') {
      visitAssignment(node, false, exported);
      return;
    }
    if (node.type === 'command') {
      const prefix: EnvAssignment<Point>[] = [];
      for (const child of node.namedChildren) if (child?.type === 'variable_assignment') visitAssignment(child, true, prefix);
      exported.push(...prefix);
      visitCommand(node, prefix);
      // Arguments may hold command substitutions: `$(az login …)` still runs.
      for (const child of node.namedChildren) if (child && child.type !== 'variable_assignment') visit(child);
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };

  const visitCommand = (node: Node, prefix: readonly EnvAssignment<Point>[]): void => {
    const words = commandWords(node);
    if (!words) return;
    const inner = nestedScript(file, words.name, words.args);
    if (inner) nested.push(inner);
    if (SHELL_PRINT_COMMANDS.has(words.name)) {
      for (const arg of words.args) {
        const set = pipelineVariableOf(unquote(arg.text));
        if (set) pipelineVariables.push({ name: set.name, value: variables.follow(set.value), at: pointOf(arg) });
      }
      return;
    }
    if (words.name === 'az') {
      const classified = classifyAz(
        words.args.map((arg) => arg.text),
        identities(variables, file),
      );
      if (classified) add(classified.rule, pointOf(node), classified.identity, classified.message);
      return;
    }
    if (words.name === 'terraform') {
      const verb = words.args.map((arg) => unquote(arg.text)).find((word) => !word.startsWith('-'));
      if (!verb || !TERRAFORM_VERBS.has(verb)) return;
      const names = [...exported, ...prefix].map((assignment) => assignment.name);
      if (setsTerraformCredential(names)) return;
      add('shell/terraform-ambient', pointOf(node), null, `terraform ${verb} uses the Azure CLI login (no ARM_* credential set in this script)`);
    }
  };

  visit(parsed.tree.rootNode);
  for (const script of nested) findings.push(...(await context.scanEmbedded(script)));
  for (const match of matchEnvCredentials([...exported, ...pipelineVariables])) {
    const forLaterSteps = match.names.some((name) => pipelineVariables.some((entry) => entry.name.toUpperCase() === name));
    const summary = ruleById(SHELL_RULES, match.rule).summary;
    add(match.rule, match.at, match.identity, forLaterSteps ? `${summary} (set for the job's later steps with ##vso[task.setvariable])` : summary);
  }
  // Ambient steps are resolved by the core along the script's control flow (core/flow/).
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
