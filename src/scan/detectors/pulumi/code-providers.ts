import type { Node } from 'web-tree-sitter';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../../core/detector.js';
import { LocalBindings } from '../../detector-kit/local-bindings.js';
import { javascriptBindings, javascriptLiteral, javascriptNameOf, objectProperties, unwrapExpression } from '../sdk-javascript/detect.js';
import { pythonBindings, pythonLiteral, pythonNameOf } from '../sdk-python/detect.js';
import { camelCase, classifyProvider, type AzurePackage, type ProviderSetting } from './provider-settings.js';

/** The npm and PyPI packages of the Azure providers. */
const MODULES: Readonly<Record<string, AzurePackage>> = {
  '@pulumi/azure-native': 'azure-native',
  '@pulumi/azure': 'azure',
  '@pulumi/azuread': 'azuread',
  pulumi_azure_native: 'azure-native',
  pulumi_azure: 'azure',
  pulumi_azuread: 'azuread',
};

/** Local names that stand for a package (`import * as az`, `az = require(…)`, `import pulumi_azure_native as az`) or for its Provider class. */
interface Imports {
  packages: Map<string, AzurePackage>;
  providers: Map<string, AzurePackage>;
}

function literalText(node: Node, literal: (node: Node) => string | null): string | null {
  const text = literal(node);
  if (text !== null) return text;
  return /^(?:true|false|True|False|\d+)$/u.test(node.text) ? node.text : null;
}

/** A provider's settings, all reported at its construction: the object holding them may be built elsewhere. */
function settingsFrom(entries: Iterable<[string, Node]>, at: Node, locals: LocalBindings, nameOf: (node: Node) => string | null, literal: (node: Node) => string | null): Map<string, ProviderSetting> {
  const settings = new Map<string, ProviderSetting>();
  for (const [key, value] of entries) settings.set(camelCase(key), { text: literalText(locals.resolve(value, nameOf), literal), at: at.startPosition });
  return settings;
}

function javascriptImports(root: Node): Imports {
  const imports: Imports = { packages: new Map(), providers: new Map() };
  for (const statement of root.descendantsOfType('import_statement')) {
    const source = statement?.childForFieldName('source');
    const azurePackage = source ? MODULES[javascriptLiteral(source) ?? ''] : undefined;
    if (!statement || !azurePackage) continue;
    for (const namespace of statement.descendantsOfType('namespace_import')) {
      const name = namespace?.namedChildren.find((child) => child?.type === 'identifier')?.text;
      if (name) imports.packages.set(name, azurePackage);
    }
    for (const specifier of statement.descendantsOfType('import_specifier')) {
      const imported = specifier?.childForFieldName('name')?.text;
      const local = specifier?.childForFieldName('alias')?.text ?? imported;
      if (imported === 'Provider' && local) imports.providers.set(local, azurePackage);
    }
    const clause = statement.namedChildren.find((child) => child?.type === 'import_clause');
    const defaultName = clause?.namedChildren.find((child) => child?.type === 'identifier')?.text;
    if (defaultName) imports.packages.set(defaultName, azurePackage);
  }
  for (const declarator of root.descendantsOfType('variable_declarator')) {
    const name = declarator?.childForFieldName('name');
    const value = declarator?.childForFieldName('value');
    if (name?.type !== 'identifier' || value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') continue;
    const argument = value.childForFieldName('arguments')?.namedChildren.find((child) => child !== null);
    const azurePackage = argument ? MODULES[javascriptLiteral(argument) ?? ''] : undefined;
    if (azurePackage) imports.packages.set(name.text, azurePackage);
  }
  return imports;
}

/** `new azure_native.Provider("name", { useOidc: true, … })` in JavaScript / TypeScript. */
function javascriptProviders(file: SourceFile, root: Node): ScanFinding[] {
  const imports = javascriptImports(root);
  if (imports.packages.size === 0 && imports.providers.size === 0) return [];
  const locals = new LocalBindings(javascriptBindings(root));
  const findings: ScanFinding[] = [];
  for (const creation of root.descendantsOfType('new_expression')) {
    const constructor = creation?.childForFieldName('constructor');
    if (!creation || !constructor) continue;
    const azurePackage =
      constructor.type === 'member_expression' && constructor.childForFieldName('property')?.text === 'Provider'
        ? imports.packages.get(constructor.childForFieldName('object')?.text ?? '')
        : constructor.type === 'identifier' ? imports.providers.get(constructor.text) : undefined;
    if (!azurePackage) continue;
    const args = (creation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'comment');
    const options = args[1] ? locals.resolve(unwrapExpression(args[1]), javascriptNameOf) : null;
    const entries = options?.type === 'object' ? objectProperties(options) : new Map<string, Node>();
    const finding = classifyProvider(file, `new ${constructor.text}(…) (${azurePackage} provider)`, settingsFrom(entries, constructor, locals, javascriptNameOf, javascriptLiteral), constructor.startPosition);
    if (finding) findings.push(finding);
  }
  return findings;
}

function pythonImports(root: Node): Imports {
  const imports: Imports = { packages: new Map(), providers: new Map() };
  for (const statement of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!statement) continue;
    if (statement.type === 'import_statement') {
      for (const child of statement.namedChildren) {
        if (child?.type === 'dotted_name' && MODULES[child.text]) imports.packages.set(child.text, MODULES[child.text] ?? 'azure-native');
        const name = child?.type === 'aliased_import' ? child.childForFieldName('name')?.text : undefined;
        const alias = child?.childForFieldName('alias')?.text;
        const azurePackage = name ? MODULES[name] : undefined;
        if (alias && azurePackage) imports.packages.set(alias, azurePackage);
      }
      continue;
    }
    const azurePackage = MODULES[statement.childForFieldName('module_name')?.text ?? ''];
    if (!azurePackage) continue;
    for (const child of statement.childrenForFieldName('name')) {
      const imported = child?.type === 'aliased_import' ? child.childForFieldName('name')?.text : child?.text;
      const local = child?.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child?.text;
      if (imported === 'Provider' && local) imports.providers.set(local, azurePackage);
    }
  }
  return imports;
}

/** `azure_native.Provider("name", use_oidc=True, …)` or `…, args=azure_native.ProviderArgs(…)` in Python. */
function pythonProviders(file: SourceFile, root: Node): ScanFinding[] {
  const imports = pythonImports(root);
  if (imports.packages.size === 0 && imports.providers.size === 0) return [];
  const locals = new LocalBindings(pythonBindings(root));
  const findings: ScanFinding[] = [];
  const keywords = (call: Node): Map<string, Node> => {
    const named = new Map<string, Node>();
    for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const key = argument?.type === 'keyword_argument' ? argument.childForFieldName('name')?.text : undefined;
      const value = argument?.childForFieldName('value');
      if (key && value) named.set(key, value);
    }
    return named;
  };
  for (const call of root.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    if (!call || !callee) continue;
    const azurePackage =
      callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'Provider'
        ? imports.packages.get(callee.childForFieldName('object')?.text ?? '')
        : callee.type === 'identifier' ? imports.providers.get(callee.text) : undefined;
    if (!azurePackage) continue;
    const named = keywords(call);
    const args = named.get('args');
    const argsCall = args ? locals.resolve(args, pythonNameOf) : null;
    if (argsCall?.type === 'call') for (const [key, value] of keywords(argsCall)) named.set(key, value);
    named.delete('args');
    named.delete('opts');
    const finding = classifyProvider(file, `${callee.text}(…) (${azurePackage} provider)`, settingsFrom(named, callee, locals, pythonNameOf, pythonLiteral), callee.startPosition);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Explicit Azure providers a Pulumi program constructs, classified by the settings it passes. */
export function codeProviderFindings(file: SourceFile, root: Node): ScanFinding[] {
  return file.language === 'python' ? pythonProviders(file, root) : javascriptProviders(file, root);
}
