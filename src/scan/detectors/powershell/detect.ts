import type { Node } from 'web-tree-sitter';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import type { DetectContext, ParsedFile, Session, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById, type Point } from '../../core/finding.js';
import { clientIdentity, referenceOf, scriptText, unquote, userIdentity } from '../../core/identity-ref.js';
import { classifyAz, type ArgumentIdentity } from '../shell/az-cli.js';
import { matchEnvCredentials, setsTerraformCredential, type EnvAssignment } from '../shell/env-credentials.js';
import { SHELL_RULES } from '../shell/rules.js';
import { SHELL_ECOSYSTEM } from '../shell/detect.js';
import { FAMILY_BY_CMDLET, variantFor, type ConnectFamily } from './connect-families.js';
import { familyRuleId, POWERSHELL_RULES } from './rules.js';
import { pipelineVariableOf, POWERSHELL_PRINT_COMMANDS } from '../../detector-kit/pipeline-logging-command.js';
import { nestedPowerShell } from './nested-command.js';
import { argumentNodes, hashEntries, readCommand, typeBaseName, unwrap, variableName, type CommandCall } from './syntax.js';

export const POWERSHELL_ECOSYSTEM = 'powershell';

const DEPLOYMENT_CMDLET = /^new-az(?:urerm)?(?:resourcegroup|subscription|managementgroup|tenant)?deployment(?:stack)?$/u;
const CREDENTIAL_TYPES = new Set(['pscredential']);
const ADAL_TYPES: Readonly<Record<string, string>> = {
  userpasswordcredential: 'powershell/adal-user-password',
  usercredential: 'powershell/adal-user-password',
  clientcredential: 'powershell/adal-client-secret',
  clientassertioncertificate: 'powershell/adal-client-certificate',
};
const MSAL_METHODS: Readonly<Record<string, { rule: string; userArgument: number | null }>> = {
  acquiretokenbyusernamepassword: { rule: 'powershell/msal-user-password', userArgument: 1 },
  acquiretokeninteractive: { rule: 'powershell/msal-interactive', userArgument: null },
  acquiretokenwithdevicecode: { rule: 'powershell/msal-interactive', userArgument: null },
  acquiretokenforclient: { rule: 'powershell/msal-client-credentials', userArgument: null },
};
const TERRAFORM_VERBS = new Set(['apply', 'plan', 'destroy', 'import', 'refresh']);
const REST_CMDLETS = new Set(['invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr']);
const PLAIN_VARIABLE = /^\$(?:\{)?(?!env:)[\w:]+\}?$/iu;

interface Scope {
  /** Variable → the node last assigned to it (document order = execution order for a script). */
  variables: Map<string, Node>;
  /** `$p.Key = v` / `$p['Key'] = v` added to a splat hashtable. */
  splatExtras: Map<string, Map<string, Node>>;
  env: EnvAssignment<Point>[];
  /** Variables set for the job's later steps with `##vso[task.setvariable]`: reported, not in this script's environment. */
  pipeline: EnvAssignment<Point>[];
}

function pointOf(node: Node): Point {
  return { row: node.startPosition.row, column: node.startPosition.column };
}

/** PowerShell scripts: Az / AzureRM / AzureAD / MSOnline / Graph / Exchange / PnP / SPO / Teams sign-ins, ADAL/MSAL, az, env. */
export async function detectPowerShell(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  if (parsed.kind !== 'tree') return [];
  const scope: Scope = { variables: new Map(), splatExtras: new Map(), env: [], pipeline: [] };
  /** Scripts run by `powershell -Command "…"`, scanned once the walk is done. */
  const nested: SourceFile[] = [];
  const findings: ScanFinding[] = [];
  const add = (rule: string, node: Node, identity: IdentityRef | null, message: string): void => {
    const meta = rule.startsWith('shell/') ? ruleById(SHELL_RULES, rule) : ruleById(POWERSHELL_RULES, rule);
    findings.push(createFinding(meta, rule.startsWith('shell/') ? SHELL_ECOSYSTEM : POWERSHELL_ECOSYSTEM, file, pointOf(node), identity, message));
  };

  /** Follows `$x` to what was assigned to it, a few levels deep. */
  const follow = (node: Node): Node => {
    let current = unwrap(node);
    for (let depth = 0; depth < 4; depth += 1) {
      if (current.type !== 'variable' || current.text.startsWith('@')) return current;
      const assigned = scope.variables.get(variableName(current.text));
      if (!assigned) return current;
      current = unwrap(assigned);
    }
    return current;
  };

  const textIdentity = (node: Node, kind: 'user' | 'client'): IdentityRef | null => {
    const target = follow(node);
    const { text, macros } = scriptText(target.text, file.placeholders);
    // An unassigned PowerShell variable (a param, a loop variable) names nothing we can report.
    if (PLAIN_VARIABLE.test(unquote(text))) return null;
    return kind === 'user' ? userIdentity(text, macros) : clientIdentity(text, macros);
  };

  const argumentIdentity: ArgumentIdentity = {
    user: (text) => identityFromWord(text, 'user'),
    client: (text) => identityFromWord(text, 'client'),
    secretName: (text) => {
      const { text: restored, macros } = scriptText(text, file.placeholders);
      return /^\$env:/iu.test(unquote(restored)) || macros ? referenceOf(restored, macros) : null;
    },
  };
  function identityFromWord(text: string, kind: 'user' | 'client'): IdentityRef | null {
    const name = /^\$[\w:{}]+$/u.test(unquote(text)) ? variableName(unquote(text)) : null;
    const assigned = name ? scope.variables.get(name) : undefined;
    if (assigned) return textIdentity(assigned, kind);
    const { text: restored, macros } = scriptText(text, file.placeholders);
    if (PLAIN_VARIABLE.test(unquote(restored))) return null;
    return kind === 'user' ? userIdentity(restored, macros) : clientIdentity(restored, macros);
  }

  /** Who a credential object is for: PSCredential(user, …), Get-Credential -UserName, an Automation credential asset. */
  const credentialIdentity = (node: Node, kind: 'user' | 'client'): IdentityRef | null => {
    const origin = follow(node);
    if (origin.type === 'command') {
      const call = readCommand(origin);
      if (!call) return null;
      if (call.name === 'get-automationpscredential' || call.name === 'get-secret' || call.name === 'get-storedcredential' || call.name === 'get-pnpstoredcredential') {
        const nameNode = parameter(call, 'name', 'target') ?? call.positionals[0];
        const assetName = nameNode ? unquote(follow(nameNode).text) : null;
        return assetName && !assetName.startsWith('$') ? { kind: 'secret-ref', value: assetName } : null;
      }
      if (call.name === 'get-credential') {
        const user = parameter(call, 'username', 'credential') ?? call.positionals[0];
        return user ? textIdentity(user, kind) : null;
      }
      if (call.name === 'new-object') {
        const typeNode = parameter(call, 'typename') ?? call.positionals[0];
        if (!typeNode || !CREDENTIAL_TYPES.has(typeBaseName(typeNode.text))) return null;
        const first = constructorArguments(call)[0];
        return first ? textIdentity(first, kind) : null;
      }
      return null;
    }
    if (origin.type === 'invokation_expression') {
      const type = origin.namedChildren.find((child) => child?.type === 'type_literal');
      const list = origin.namedChildren.find((child) => child?.type === 'argument_list');
      if (type && list && CREDENTIAL_TYPES.has(typeBaseName(type.text))) {
        const first = argumentNodes(list)[0];
        return first ? textIdentity(first, kind) : null;
      }
    }
    return null;
  };

  function parameter(call: CommandCall, ...names: string[]): Node | null {
    for (const name of names) {
      const found = call.parameters.find((candidate) => candidate.name === name);
      if (found?.value) return found.value;
    }
    return null;
  }

  /** New-Object T(a, b) or New-Object T -ArgumentList a, b. */
  function constructorArguments(call: CommandCall): Node[] {
    const elements = call.node.namedChildren.find((child) => child?.type === 'command_elements');
    const list = elements?.namedChildren.find((child) => child?.type === 'argument_list');
    if (list) return argumentNodes(list);
    const argumentList = parameter(call, 'argumentlist', 'args');
    if (!argumentList) return [];
    const inner = unwrap(argumentList);
    const items = inner.type === 'array_literal_expression' ? inner.namedChildren.filter((child): child is Node => child !== null) : [inner];
    return items;
  }

  /** The parameters a call passes, splats expanded; `-Switch:$false` and `Key = $false` count as absent. */
  const effectiveParameters = (call: CommandCall): Map<string, Node | null> => {
    const result = new Map<string, Node | null>();
    for (const splat of call.splats) {
      const name = variableName(splat.text);
      const assigned = scope.variables.get(name);
      const hash = assigned ? unwrap(assigned) : null;
      const entries = hash?.type === 'hash_literal_expression' ? hashEntries(hash) : new Map<string, Node>();
      for (const [key, value] of scope.splatExtras.get(name) ?? []) entries.set(key, value);
      for (const [key, value] of entries) if (unwrap(value).text.toLowerCase() !== '$false') result.set(key, value);
    }
    for (const parameterEntry of call.parameters) {
      if (parameterEntry.value && unwrap(parameterEntry.value).text.toLowerCase() === '$false') {
        result.delete(parameterEntry.name);
        continue;
      }
      result.set(parameterEntry.name, parameterEntry.value);
    }
    return result;
  };

  const connect = (call: CommandCall, family: ConnectFamily): void => {
    const parameters = effectiveParameters(call);
    const variant = variantFor(family, new Set(parameters.keys()));
    const credential = parameters.get('credential') ?? parameters.get('credentials') ?? parameters.get('clientsecretcredential') ?? parameters.get('secretcredential') ?? parameters.get('usercredential') ?? null;
    const isApp = variant.method !== 'user-password' && variant.method !== 'user-interactive';
    const clientNode = family.clientIdParameters.map((name) => parameters.get(name)).find((node) => node !== undefined && node !== null) ?? null;
    const userNode = family.userParameters.map((name) => parameters.get(name)).find((node) => node !== undefined && node !== null) ?? null;
    let identity: IdentityRef | null = null;
    if (isApp) identity = (clientNode ? textIdentity(clientNode, 'client') : null) ?? (credential ? credentialIdentity(credential, 'client') : null);
    else identity = (credential ? credentialIdentity(credential, 'user') : null) ?? (userNode ? textIdentity(userNode, 'user') : null);

    const thumbprint = parameters.get('certificatethumbprint');
    if (family.id === 'connect-azaccount' && variant.method === 'workload-certificate' && thumbprint) {
      const runAs = automationConnection(thumbprint);
      if (runAs !== null) {
        add('powershell/automation-run-as-certificate', call.node, { kind: 'connection', value: runAs }, `${family.label} signs in with the Azure Automation Run As connection ${runAs} (retired September 2023)`);
        return;
      }
    }
    add(familyRuleId(family, variant), call.node, identity, `${family.label} signs in ${variant.describe}`);
    const token = variant.variant === 'access-token' ? variant.when.flat().map((name) => parameters.get(name)).find((node) => node !== undefined && node !== null) : null;
    const session = token ? tokenSession(token, 0) : null;
    const finding = findings.at(-1);
    if (session !== null && finding) context.tokenFromSession?.(finding, session);
  };

  /**
   * The session a token expression was taken from in this script (Get-AzAccessToken: the Az context;
   * `az account get-access-token`: the Azure CLI login), following variables; null for a token from elsewhere.
   */
  function tokenSession(node: Node, depth: number): Session | null {
    if (depth > 4) return null;
    const origin = follow(node);
    for (const command of [origin, ...origin.descendantsOfType('command')]) {
      if (command.type !== 'command') continue;
      const call = readCommand(command);
      if (call?.name === 'get-azaccesstoken') return 'azure-powershell';
      if (call?.name === 'az' && call.words.map((word) => unquote(word).toLowerCase()).join(' ').startsWith('account get-access-token')) return 'azure-cli';
    }
    for (const variable of origin.descendantsOfType('variable')) {
      if (variable.id === origin.id || !scope.variables.has(variableName(variable.text))) continue;
      const session = tokenSession(variable, depth + 1);
      if (session !== null) return session;
    }
    return null;
  }

  /** `$conn.CertificateThumbprint` where `$conn = Get-AutomationConnection -Name X` → X. */
  function automationConnection(node: Node): string | null {
    const inner = unwrap(node);
    const root = inner.type === 'member_access' ? inner.namedChildren.find((child) => child?.type === 'variable') : null;
    if (!root) return null;
    const origin = follow(root);
    if (origin.type !== 'command') return null;
    const call = readCommand(origin);
    if (call?.name !== 'get-automationconnection') return null;
    const nameNode = parameter(call, 'name') ?? call.positionals[0];
    return nameNode ? unquote(follow(nameNode).text) : 'Get-AutomationConnection';
  }

  const tokenRequest = (call: CommandCall): void => {
    const uri = parameter(call, 'uri') ?? call.positionals[0];
    const body = parameter(call, 'body');
    if (!uri || !body) return;
    if (!/login\.microsoftonline\.(?:com|us)|login\.chinacloudapi\.cn|login\.windows\.net/iu.test(scriptText(follow(uri).text, file.placeholders).text)) return;
    const origin = follow(body);
    if (origin.type === 'hash_literal_expression') {
      const entries = hashEntries(origin);
      const grant = entries.get('grant_type');
      if (!grant || unquote(follow(grant).text).toLowerCase() !== 'password') return;
      const user = entries.get('username');
      add('powershell/token-request-user-password', call.node, user ? textIdentity(user, 'user') : null, `${call.name} requests a token with grant_type=password (ROPC)`);
      return;
    }
    const text = origin.text;
    if (!/grant_type=password\b/iu.test(text)) return;
    const user = /username=(?<user>[^&"'\s]+)/iu.exec(text)?.groups?.['user'];
    const decoded = user ? user.replace(/%40/giu, '@') : null;
    add('powershell/token-request-user-password', call.node, decoded ? userIdentity(decoded) : null, `${call.name} requests a token with grant_type=password (ROPC)`);
  };

  const visitCommand = (node: Node): void => {
    const call = readCommand(node);
    if (!call) return;
    const family = FAMILY_BY_CMDLET.get(call.name);
    if (family) return connect(call, family);
    if (call.name === 'az') {
      const classified = classifyAz(call.words, argumentIdentity);
      if (classified) add(classified.rule, node, classified.identity, classified.message);
      return;
    }
    const inner = nestedPowerShell(file, call);
    if (inner) nested.push(inner);
    if (POWERSHELL_PRINT_COMMANDS.has(call.name)) {
      for (const word of call.positionals) {
        const set = pipelineVariableOf(unquote(word.text));
        if (!set) continue;
        // `…]$token` where `$token = $env:idToken`: the value is what the variable was assigned.
        const assigned = /^\$[\w:{}]+$/u.test(set.value) ? scope.variables.get(variableName(set.value)) : undefined;
        scope.pipeline.push({ name: set.name, value: scriptText(assigned ? unwrap(assigned).text : set.value, file.placeholders).text, at: pointOf(word) });
      }
      return;
    }
    if (call.name === 'terraform') {
      const verb = call.words.map((word) => unquote(word)).find((word) => !word.startsWith('-'));
      if (verb && TERRAFORM_VERBS.has(verb) && !setsTerraformCredential(scope.env.map((entry) => entry.name))) {
        add('shell/terraform-ambient', node, null, `terraform ${verb} uses the Azure CLI login (no ARM_* credential set in this script)`);
      }
      return;
    }
    if (DEPLOYMENT_CMDLET.test(call.name)) return add('powershell/az-deployment-ambient', node, null, `${call.name} deploys with the Az PowerShell context it inherits`);
    if (REST_CMDLETS.has(call.name)) return tokenRequest(call);
    if (call.name === 'new-object') {
      const typeNode = parameter(call, 'typename') ?? call.positionals[0];
      const rule = typeNode ? ADAL_TYPES[typeBaseName(typeNode.text)] : undefined;
      if (rule) {
        const first = constructorArguments(call)[0];
        add(rule, node, first ? textIdentity(first, rule.endsWith('user-password') ? 'user' : 'client') : null, `new ${typeNode?.text ?? ''} (ADAL)`);
      }
    }
  };

  const visitInvocation = (node: Node): void => {
    const member = node.namedChildren.find((child) => child?.type === 'member_name')?.text.toLowerCase();
    const list = node.namedChildren.find((child) => child?.type === 'argument_list');
    const args = list ? argumentNodes(list) : [];
    const type = node.namedChildren.find((child) => child?.type === 'type_literal');
    if (type && member === 'new') {
      const rule = ADAL_TYPES[typeBaseName(type.text)];
      const first = args[0];
      if (rule) add(rule, node, first ? textIdentity(first, rule.endsWith('user-password') ? 'user' : 'client') : null, `${type.text}::new (ADAL)`);
      return;
    }
    const msal = member ? MSAL_METHODS[member] : undefined;
    if (!msal) return;
    const userNode = msal.userArgument === null ? undefined : args[msal.userArgument];
    add(msal.rule, node, userNode ? textIdentity(userNode, 'user') : null, `MSAL ${member ?? ''}`);
  };

  const visitAssignment = (node: Node): void => {
    const left = node.namedChildren.find((child) => child?.type === 'left_assignment_expression');
    const right = node.namedChildren.find((child) => child?.type === 'pipeline' || child?.type === 'assignment_expression');
    if (!left || !right) return;
    const target = unwrap(left);
    if (target.type === 'variable') {
      const envName = /^\$(?:\{)?env:(?<name>\w+)\}?$/iu.exec(target.text)?.groups?.['name'];
      if (envName) scope.env.push({ name: envName, value: scriptText(unwrap(right).text, file.placeholders).text, at: pointOf(node) });
      scope.variables.set(variableName(target.text), right);
      return;
    }
    // $p.Credential = $c / $p['Credential'] = $c: a key added to a splat.
    const base = target.namedChildren.find((child) => child?.type === 'variable');
    const keyNode = target.type === 'member_access' ? target.namedChildren.find((child) => child?.type === 'member_name') : target.type === 'element_access' ? target.namedChildren.find((child) => child !== null && child.type !== 'variable') : undefined;
    if (base && keyNode) {
      const name = variableName(base.text);
      const extras = scope.splatExtras.get(name) ?? new Map<string, Node>();
      extras.set(unquote(unwrap(keyNode).text).replace(/^\[|\]$/gu, '').replace(/^['"]|['"]$/gu, '').toLowerCase(), right);
      scope.splatExtras.set(name, extras);
    }
  };

  const visit = (node: Node): void => {
    if (node.type === 'comment') return;
    // Children first for assignments: `$r = Connect-AzAccount …` runs the command, then assigns.
    for (const child of node.namedChildren) if (child) visit(child);
    if (node.type === 'command') visitCommand(node);
    else if (node.type === 'invokation_expression') visitInvocation(node);
    else if (node.type === 'assignment_expression') visitAssignment(node);
  };
  visit(parsed.tree.rootNode);
  for (const script of nested) findings.push(...(await context.scanEmbedded(script)));

  for (const match of matchEnvCredentials([...scope.env, ...scope.pipeline])) {
    const forLaterSteps = match.names.some((name) => scope.pipeline.some((entry) => entry.name.toUpperCase() === name));
    const where = forLaterSteps ? 'set for the job\'s later steps with ##vso[task.setvariable]' : 'set in the process environment';
    findings.push(createFinding(ruleById(SHELL_RULES, match.rule), SHELL_ECOSYSTEM, file, match.at, match.identity, `${ruleById(SHELL_RULES, match.rule).summary} (${where})`));
  }
  // Ambient steps are resolved by the core along the script's control flow (core/flow/).
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
