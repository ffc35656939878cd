import { MFA_IMPACT_OF, type ScanFinding } from '../../model/scan-finding.js';
import type { ParsedFile, RuleMeta, SourceFile } from './detector.js';
import type { FlowFacts } from './flow/flow-facts.js';
import { emptyBlock, type FlowProgram } from './flow/flow-program.js';
import { reachingLogins, type FlowRole, type Origin } from './flow/reaching-logins.js';
import { SCRIPT_FLOWS } from './flow/script-flows.js';

type IsLogin = (finding: ScanFinding) => boolean;

function describeIdentity(finding: ScanFinding): string {
  return finding.identity ? ` as ${finding.identity.value}` : '';
}

function roleOf(finding: ScanFinding, rules: ReadonlyMap<string, RuleMeta>, facts: FlowFacts, isLogin: IsLogin): FlowRole | null {
  const rule = rules.get(finding.rule);
  if (!rule) return null;
  const role: FlowRole = {};
  if (rule.authMethod !== 'ambient' && rule.session && isLogin(finding)) role.sets = { session: rule.session, opaque: false };
  if (rule.authMethod === 'ambient' && rule.sets && isLogin(finding)) role.sets = { session: rule.sets, opaque: true };
  if (rule.authMethod === 'ambient' && finding.authMethod === 'ambient' && !facts.isSettled(finding)) {
    const session = rule.session ?? facts.tokenSession(finding);
    if (session) role.uses = session;
  }
  return role.sets || role.uses ? role : null;
}

/** "line 4", "lines 4 and 9", "lines 4, 9, 12 and others" (`more`: the set was cut). */
function lines(logins: readonly ScanFinding[], more = false): string {
  const numbers = logins.map((login) => String(login.line));
  if (more) numbers.push('others');
  return numbers.length === 1 ? `line ${numbers[0] ?? ''}` : `lines ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`;
}

/** Why a use stays ambient although logins reach it: they differ by path, or one may not have run, or it was a token. */
function unresolvedNote(logins: readonly ScanFinding[], more: boolean, open: boolean, roles: ReadonlyMap<ScanFinding, FlowRole>): string | null {
  if (logins.length === 0) return null;
  const opaque = logins.filter((login) => roles.get(login)?.sets?.opaque);
  const single = logins.length === 1 && !more;
  if (!open && single && opaque.length === 1) return `uses the session set at ${lines(opaque)} with an access token obtained elsewhere`;
  if (open) return `${single ? 'the login at' : 'the logins at'} ${lines(logins, more)} ${single ? 'runs' : 'run'} on some paths only; on the others the session comes from elsewhere`;
  return `which login is in effect depends on the path (${lines(logins, more)})`;
}

/**
 * The decision for one ambient use, given the logins that may be in effect when it runs (`null`: a path with none):
 * resolved when exactly one login reaches it and every path passes it; otherwise it stays ambient, with a note.
 */
function decide(current: ScanFinding, original: ScanFinding, origins: ReadonlySet<Origin> | undefined, roles: ReadonlyMap<ScanFinding, FlowRole>, facts: FlowFacts): ScanFinding {
  const logins = [...(origins ?? [])].filter((origin) => origin !== null && origin !== 'more').sort((a, b) => a.line - b.line || a.column - b.column);
  const more = origins?.has('more') ?? false;
  const open = origins === undefined || origins.has(null);
  if (!open) facts.settle(original);
  const [login] = logins;
  if (!open && !more && logins.length === 1 && login && !roles.get(login)?.sets?.opaque) {
    return {
      ...current,
      authMethod: login.authMethod,
      mfaImpact: MFA_IMPACT_OF[login.authMethod],
      identity: login.identity,
      message: `${original.message}; resolved to the login at line ${login.line} (${login.authMethod}${describeIdentity(login)})`,
      resolvedFrom: { line: login.line, authMethod: login.authMethod },
    };
  }
  const note = unresolvedNote(logins, more, open, roles);
  const message = note === null ? original.message : `${original.message}; ${note}`;
  return message === current.message ? current : { ...current, message };
}

function resolveIn(program: FlowProgram, findings: readonly ScanFinding[], rules: ReadonlyMap<string, RuleMeta>, facts: FlowFacts, isLogin: IsLogin): ScanFinding[] {
  const roles = new Map<ScanFinding, FlowRole>();
  for (const finding of findings) {
    const role = roleOf(finding, rules, facts, isLogin);
    if (role) roles.set(facts.original(finding), role);
  }
  if (![...roles.values()].some((role) => role.uses)) return [...findings];
  // Over the budget (a generated script of thousands of branches) nothing is resolved: ambient is the honest answer.
  const reached = reachingLogins(program, roles) ?? new Map<ScanFinding, Set<Origin>>();
  return findings.map((finding) => {
    const original = facts.original(finding);
    if (!roles.get(original)?.uses) return finding;
    const decided = decide(finding, original, reached.get(original), roles, facts);
    facts.derive(decided, finding);
    return decided;
  });
}

/**
 * Resolves the ambient steps among `findings`, given in execution order (one CI job's steps, a deployment script
 * after its identity). Findings of a script embedded in a step keep that script's control flow (flow/README.md).
 */
export function resolveAmbient(findings: readonly ScanFinding[], rules: ReadonlyMap<string, RuleMeta>, facts: FlowFacts, isLogin: IsLogin = () => true): ScanFinding[] {
  const body = emptyBlock();
  const placed = new Set<FlowProgram>();
  for (const finding of findings) {
    const program = facts.programOf(finding);
    if (program === null) body.items.push({ kind: 'finding', finding: facts.original(finding) });
    else if (!placed.has(program)) {
      placed.add(program);
      body.items.push({ kind: 'program', program });
    }
  }
  return resolveIn({ body, functions: new Map() }, findings, rules, facts, isLogin);
}

/**
 * Resolves one script's findings along its control flow, built from its AST. `embedded`: the script is a step of
 * a host file, which will resolve it again within the job; its flow is kept even when it has only logins.
 */
export function resolveScript(file: SourceFile, parsed: ParsedFile, findings: readonly ScanFinding[], rules: ReadonlyMap<string, RuleMeta>, facts: FlowFacts, embedded: boolean): ScanFinding[] {
  const build = SCRIPT_FLOWS.get(file.language);
  if (!build || parsed.kind !== 'tree') return [...findings];
  const roles = findings.map((finding) => roleOf(finding, rules, facts, () => true));
  if (!roles.some((role) => role?.uses) && !(embedded && roles.some((role) => role?.sets))) return [...findings];
  const program = build(parsed.tree, file, findings.map((finding) => facts.original(finding)));
  for (const finding of findings) facts.setProgram(finding, program);
  return resolveIn(program, findings, rules, facts, () => true);
}
