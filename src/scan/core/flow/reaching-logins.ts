import type { ScanFinding } from '../../../model/scan-finding.js';
import type { Session } from '../detector.js';
import type { FlowBlock, FlowNode, FlowProgram } from './flow-program.js';

/**
 * What a finding does to the sign-in state. `sets`: a login (or, `opaque`, a session set from credentials the scan
 * cannot see: Connect-AzAccount -AccessToken) that later uses of that session inherit. `uses`: an ambient step.
 */
export interface FlowRole {
  sets?: { session: Session; opaque: boolean };
  uses?: Session;
}

/**
 * A login that may be in effect; `null` stands for "no login in this program on some path" (the session came from
 * outside); `more` for logins left out of a set grown past MAX_ORIGINS.
 */
export type Origin = ScanFinding | null | 'more';

/** Sign-in state per session kind: the logins that may be in effect; `null` state = unreachable. */
type State = Readonly<Record<Session, ReadonlySet<Origin>>> | null;

const SESSIONS: readonly Session[] = ['azure-cli', 'azure-powershell', 'any'];
/**
 * A step reached by two logins is not resolved whatever they are, so sets are cut at this size (keeping `null`): a
 * script of thousands of `if`s each with a login would otherwise carry sets growing with its length (quadratic time).
 */
const MAX_ORIGINS = 8;
/** Work allowed per program, in flow nodes visited: generous for real scripts, a bound for generated ones. */
const DEFAULT_BUDGET = 200_000;

class BudgetExceeded extends Error {}

function join(...states: readonly State[]): State {
  const reachable = states.filter((state) => state !== null);
  if (reachable.length === 0) return null;
  if (reachable.length === 1) return reachable[0] ?? null;
  const merged: Record<Session, Set<Origin>> = { 'azure-cli': new Set(), 'azure-powershell': new Set(), any: new Set() };
  for (const state of reachable) for (const session of SESSIONS) for (const origin of state[session]) merged[session].add(origin);
  return { 'azure-cli': capped(merged['azure-cli']), 'azure-powershell': capped(merged['azure-powershell']), any: capped(merged.any) };
}

function capped(origins: Set<Origin>): Set<Origin> {
  if (origins.size <= MAX_ORIGINS) return origins;
  const kept = new Set<Origin>(['more']);
  if (origins.has(null)) kept.add(null);
  for (const origin of origins) if (kept.size < MAX_ORIGINS && origin !== null) kept.add(origin);
  return kept;
}

/** The session kinds a login of `session` replaces: azure/login (any) signs in both the CLI and Az PowerShell. */
function keysOf(session: Session): readonly Session[] {
  return session === 'any' ? SESSIONS : [session, 'any'];
}

function withLogin(state: State, session: Session, origin: ScanFinding): State {
  if (state === null) return null;
  const next: Record<Session, ReadonlySet<Origin>> = { ...state };
  for (const key of keysOf(session)) next[key] = new Set([origin]);
  return next;
}

interface Context {
  program: FlowProgram;
  /** States at `exit`/`throw` (end of the program or subshell), `return` (end of the function), `break` (after the loop or switch). */
  exits: State[];
  returns: State[] | null;
  breaks: State[] | null;
  inLoop: boolean;
}

/**
 * For each ambient use in `program`, the logins that may be in effect when it runs (reaching definitions over the
 * structured flow, with union at joins). Loops and try bodies are over-approximated (their entry state includes every
 * login inside them), function calls are followed with the caller's state (memoised, recursion cut), functions never
 * called are entered with an unknown state. Null when the program is too large to analyse within the budget.
 */
export function reachingLogins(program: FlowProgram, roles: ReadonlyMap<ScanFinding, FlowRole>, budget = DEFAULT_BUDGET): Map<ScanFinding, Set<Origin>> | null {
  const reached = new Map<ScanFinding, Set<Origin>>();
  const generated = new WeakMap<FlowBlock, State>();
  const memo = new WeakMap<FlowBlock, Map<string, State>>();
  const called = new WeakSet<FlowBlock>();
  const onStack = new WeakSet<FlowBlock>();
  const ids = new Map<ScanFinding, number>();
  let steps = 0;

  const keyOf = (state: State): string => {
    if (state === null) return '-';
    return SESSIONS.map((session) =>
      [...state[session]]
        .map((origin) => {
          if (origin === null) return -1;
          if (origin === 'more') return -2;
          let id = ids.get(origin);
          if (id === undefined) {
            id = ids.size;
            ids.set(origin, id);
          }
          return id;
        })
        .sort((a, b) => a - b)
        .join(','),
    ).join('|');
  };

  /** Every login inside `block` (and the functions it calls), per session: what a loop may carry round. */
  const mayGenerate = (block: FlowBlock, program: FlowProgram): State => {
    const cached = generated.get(block);
    if (cached !== undefined) return cached;
    const found: Record<Session, Set<Origin>> = { 'azure-cli': new Set(), 'azure-powershell': new Set(), any: new Set() };
    generated.set(block, found);
    const add = (state: State): void => {
      if (state !== null) for (const session of SESSIONS) for (const origin of state[session]) found[session].add(origin);
    };
    const visitNode = (node: FlowNode, within: FlowProgram): void => {
      switch (node.kind) {
        case 'finding': {
          const sets = roles.get(node.finding)?.sets;
          if (sets) for (const key of keysOf(sets.session)) found[key].add(node.finding);
          return;
        }
        case 'call': {
          const target = within.functions.get(node.name);
          if (target) add(mayGenerate(target, within));
          return;
        }
        case 'jump':
          return;
        case 'branch':
          for (const arm of node.arms) add(mayGenerate(arm, within));
          return;
        case 'try':
          add(mayGenerate(node.body, within));
          for (const handler of node.handlers) add(mayGenerate(handler, within));
          if (node.final) add(mayGenerate(node.final, within));
          return;
        case 'loop':
        case 'subshell':
        case 'block':
          add(mayGenerate(node.body, within));
          return;
        case 'program':
          add(mayGenerate(node.program.body, node.program));
          for (const fn of node.program.functions.values()) add(mayGenerate(fn, node.program));
      }
    };
    for (const node of block.items) visitNode(node, program);
    return found;
  };

  const callFunction = (body: FlowBlock, state: State, context: Context): State => {
    called.add(body);
    if (onStack.has(body)) return join(state, mayGenerate(body, context.program));
    const cache = memo.get(body) ?? new Map<string, State>();
    memo.set(body, cache);
    const key = keyOf(state);
    const known = cache.get(key);
    if (known !== undefined) return known;
    onStack.add(body);
    const returns: State[] = [];
    const out = join(runBlock(body, state, { ...context, returns, breaks: null, inLoop: false }), ...returns);
    onStack.delete(body);
    cache.set(key, out);
    return out;
  };

  const runProgram = (inner: FlowProgram, state: State): State => {
    const exits: State[] = [];
    const context: Context = { program: inner, exits, returns: null, breaks: null, inLoop: false };
    const out = join(runBlock(inner.body, state, context), ...exits);
    // A function nothing here calls may be called from elsewhere (a module, a dot-sourcing script): entered unknown.
    for (const fn of inner.functions.values()) if (!called.has(fn)) callFunction(fn, initialState(), context);
    return out;
  };

  const runBlock = (block: FlowBlock, entry: State, context: Context): State => {
    let state = entry;
    for (const node of block.items) {
      if (state === null) return null;
      steps += 1;
      if (steps > budget) throw new BudgetExceeded();
      state = runNode(node, state, context);
    }
    return state;
  };

  const runNode = (node: FlowNode, state: State, context: Context): State => {
    if (state === null) return null;
    switch (node.kind) {
      case 'finding': {
        const role = roles.get(node.finding);
        if (role?.uses) {
          const origins = reached.get(node.finding) ?? new Set<Origin>();
          for (const origin of state[role.uses]) origins.add(origin);
          reached.set(node.finding, capped(origins));
        }
        return role?.sets ? withLogin(state, role.sets.session, node.finding) : state;
      }
      case 'call': {
        const body = context.program.functions.get(node.name);
        return body ? callFunction(body, state, context) : state;
      }
      case 'jump':
        if (node.to === 'return' && context.returns) context.returns.push(state);
        else if ((node.to === 'break' || node.to === 'continue') && context.breaks) {
          // `continue` goes back to the loop head, whose state already includes every login in the body.
          if (node.to === 'break' || !context.inLoop) context.breaks.push(state);
        } else context.exits.push(state);
        return null;
      case 'branch': {
        const breaks: State[] = [];
        const armContext = node.catchesBreak ? { ...context, breaks, inLoop: false } : context;
        const outs = node.arms.map((arm) => runBlock(arm, state, armContext));
        return join(...outs, node.exhaustive ? null : state, ...breaks);
      }
      case 'loop': {
        const breaks: State[] = [];
        const entry = join(state, mayGenerate(node.body, context.program));
        const out = runBlock(node.body, entry, { ...context, breaks, inLoop: true });
        return join(node.atLeastOnce ? null : state, out, ...breaks);
      }
      case 'try': {
        const out = runBlock(node.body, state, context);
        const handlerEntry = join(state, mayGenerate(node.body, context.program));
        const handled = node.handlers.map((handler) => runBlock(handler, handlerEntry, context));
        const after = join(out, ...handled);
        if (!node.final) return after;
        // `finally` runs on every path, also one that leaves by exit or throw (then nothing after the try runs).
        const finalOut = runBlock(node.final, after ?? handlerEntry, context);
        return after === null ? null : finalOut;
      }
      case 'subshell': {
        const exits: State[] = [];
        return join(runBlock(node.body, state, { ...context, exits }), ...exits);
      }
      case 'block':
        return runBlock(node.body, state, context);
      case 'program':
        return runProgram(node.program, state);
    }
  };

  try {
    runProgram(program, initialState());
  } catch (error) {
    if (error instanceof BudgetExceeded) return null;
    throw error;
  }
  return reached;
}

function initialState(): State {
  return { 'azure-cli': new Set([null]), 'azure-powershell': new Set([null]), any: new Set([null]) };
}
