import { z } from 'zod';
import type { AccessFacts, DirectoryFacts } from '../../model/access-facts.js';
import { comparableEntraResult, expectedEntraResult, type Judgement, type PolicyEvaluation } from './evaluate-policy.js';
import { PolicyEvaluations } from './policy-evaluations.js';
import { addToBucket, tallyKey, type Bucket, type BucketInput, type PolicyTally } from './tally.js';
import type { WhatIfPolicy } from './what-if-policy.js';

/**
 * Folds access combinations into what the what-if reports: per identity and policy, what the policy did to its
 * sign-ins and writes; per identity, the sign-ins that would newly fail (they fail under today's enabled policies plus
 * the proposed ones, and not under today's alone); and how the evaluator's result for each existing policy compares
 * with the result Entra recorded on each sign-in. Each combination is judged once per policy, whatever it stands for.
 */

/** One combination of access facts and the records that had it (src/features/load-access-combinations.ts). */
export interface JudgedCombination {
  facts: AccessFacts;
  refused: boolean;
  count: number;
  first: string;
  last: string;
  exampleId: string;
  clientName: string | null;
  resourceName: string | null;
  applied: string | null;
  detail: string | null;
}

export interface IdentityTallies {
  /** Proposed policy id → what it did. */
  policies: Map<string, PolicyTally>;
  /** Sign-ins that went through today and would fail (or be blocked) with the proposed policies on. */
  newlyFailing: Bucket | null;
  /** The proposed policies that make them fail. */
  newlyFailingBy: string[];
  /** Mandatory MFA pseudo-policy id → what it did (when asked for). */
  mandatory: Map<string, PolicyTally>;
}

export interface AgreementCount {
  policyId: string;
  displayName: string | null;
  state: string;
  /** Where the definition compared came from: the store, or a policy file standing in for a policy the store lacks. */
  origin: string;
  compared: number;
  agreed: number;
  /** Recorded results the evaluator could not reproduce for want of data (an unknown condition or error). */
  notComparable: number;
}

export interface Disagreement {
  policyId: string;
  displayName: string | null;
  state: string;
  recorded: string;
  expected: string;
  /** The evaluator's judgement behind `expected`. */
  judgement: Judgement;
  signIns: number;
  example: { id: string; at: string };
}

export interface Agreement {
  byPolicy: AgreementCount[];
  disagreements: Disagreement[];
  /** Recorded results of policies with no definition at hand (neither imported nor in a file). */
  undefinedPolicies: { policyId: string; displayName: string | null; signIns: number }[];
}

export interface WhatIfTallies {
  identities: Map<string, IdentityTallies>;
  agreement: Agreement;
}

const appliedSchema = z.array(z.looseObject({ id: z.string().nullish(), displayName: z.string().nullish(), result: z.string().nullish() }));

interface RecordedResult {
  id: string;
  displayName: string | null;
  result: string;
}

function severity(judgement: Judgement): number {
  if (judgement === 'blocked') return 5;
  if (judgement === 'fails') return 4;
  if (judgement === 'challenged') return 3;
  if (judgement.startsWith('unknown:')) return 2;
  return judgement === 'satisfied' ? 1 : 0;
}

function worse(a: Judgement, b: Judgement): Judgement {
  return severity(b) > severity(a) ? b : a;
}

/** What a set of policies does together: every enforced policy that applies must be met; the worst judgement wins. */
export function combinedJudgement(judgements: readonly Judgement[]): Judgement {
  let worst: Judgement = 'not-applied';
  for (const judgement of judgements) worst = worse(worst, judgement);
  return worst;
}

function failing(judgement: Judgement): boolean {
  return judgement === 'fails' || judgement === 'blocked';
}

export interface JudgeOptions {
  /** The policies under test (a what-if file), each judged as if it were on. */
  proposed: readonly WhatIfPolicy[];
  /** The tenant's policies as imported (any state): today's enabled ones, and the definitions compared with Entra. */
  stored: readonly WhatIfPolicy[];
  /** Mandatory MFA's phases as pseudo-policies, judged beside (the impact engine's verdicts, reproduced). */
  mandatory: readonly WhatIfPolicy[];
  directory: DirectoryFacts;
}

/** The tally keys of one refused × subject × error code, by judgement. */
interface TallyKeys {
  /** tallyKey with an empty judgement: the key is this followed by the judgement. */
  prefix: string;
  byJudgement: Map<Judgement, string>;
}

function keyFor(keys: TallyKeys, judgement: Judgement): string {
  let key = keys.byJudgement.get(judgement);
  if (key === undefined) {
    key = `${keys.prefix}${judgement}`;
    keys.byJudgement.set(judgement, key);
  }
  return key;
}

function tallyInto(tallies: Map<string, PolicyTally>, policyId: string, key: string, input: BucketInput): void {
  let tally = tallies.get(policyId);
  if (!tally) {
    tally = new Map();
    tallies.set(policyId, tally);
  }
  tally.set(key, addToBucket(tally.get(key), input));
}

export class WhatIfJudge {
  private readonly options: JudgeOptions;
  private readonly today: readonly WhatIfPolicy[];
  private readonly proposedSet: readonly WhatIfPolicy[];
  /** Policy id → the definition compared with Entra's recorded results. */
  private readonly definitions: ReadonlyMap<string, WhatIfPolicy>;
  private readonly identities = new Map<string, IdentityTallies>();
  private readonly agreement = new Map<string, AgreementCount>();
  private readonly disagreements = new Map<string, Disagreement>();
  private readonly undefinedPolicies = new Map<string, { policyId: string; displayName: string | null; signIns: number }>();
  private readonly recordedCache = new Map<string, RecordedResult[]>();
  private readonly evaluations: PolicyEvaluations;
  /** tallyKey without its judgement → judgement → tallyKey. */
  private readonly tallyKeys = new Map<string, TallyKeys>();

  constructor(options: JudgeOptions) {
    this.options = options;
    this.evaluations = new PolicyEvaluations(options.directory);
    const replaced = new Set(options.proposed.map((entry) => entry.policy.id));
    this.today = options.stored.filter((entry) => entry.policy.state === 'enabled');
    this.proposedSet = [...this.today.filter((entry) => !replaced.has(entry.policy.id)), ...options.proposed];
    const definitions = new Map<string, WhatIfPolicy>();
    for (const entry of options.proposed) definitions.set(entry.policy.id, entry);
    // The imported definition is the one Entra evaluated; a file's stands in only for a policy the store lacks.
    for (const entry of options.stored) definitions.set(entry.policy.id, entry);
    this.definitions = definitions;
  }

  private tallies(pid: string): IdentityTallies {
    let found = this.identities.get(pid);
    if (!found) {
      found = { policies: new Map(), newlyFailing: null, newlyFailingBy: [], mandatory: new Map() };
      this.identities.set(pid, found);
    }
    return found;
  }

  /** combinedJudgement of the policies' judgements, without a list of them for every combination. */
  private combined(policies: readonly WhatIfPolicy[], evaluate: (entry: WhatIfPolicy) => PolicyEvaluation): Judgement {
    let worst: Judgement = 'not-applied';
    for (const entry of policies) worst = worse(worst, evaluate(entry).judgement);
    return worst;
  }

  /**
   * The tally keys of a combination's judgements, the same string each time (a key built anew for every combination
   * and policy is hashed anew by every Map it is looked up in).
   */
  private keysByJudgement(refused: boolean, subject: string, code: number | null): TallyKeys {
    const prefix = tallyKey({ refused, subject, code, judgement: '' });
    let found = this.tallyKeys.get(prefix);
    if (!found) {
      found = { prefix, byJudgement: new Map() };
      this.tallyKeys.set(prefix, found);
    }
    return found;
  }

  private recorded(applied: string | null): RecordedResult[] {
    if (applied === null || applied === '[]') return [];
    let found = this.recordedCache.get(applied);
    if (!found) {
      let value: unknown = [];
      try {
        value = JSON.parse(applied);
      } catch {
        value = [];
      }
      const parsed = appliedSchema.safeParse(value);
      found = parsed.success
        ? parsed.data.flatMap((entry) => (entry.id && entry.result ? [{ id: entry.id.toLowerCase(), displayName: entry.displayName ?? null, result: entry.result }] : []))
        : [];
      this.recordedCache.set(applied, found);
    }
    return found;
  }

  add(combination: JudgedCombination): void {
    const { facts } = combination;
    const keys = this.evaluations.keys(facts);
    const evaluate = (entry: WhatIfPolicy): PolicyEvaluation => this.evaluations.evaluate(entry, facts, keys);
    const input: BucketInput = {
      count: combination.count,
      first: combination.first,
      last: combination.last,
      passwordGrant: facts.protocol === 'ropc',
      audit: combination.detail === 'audit',
      code: combination.refused && facts.errorCode !== 0 ? facts.errorCode : null,
      definitions: combination.detail?.startsWith('denied:') ? combination.detail.slice('denied:'.length).split(' ').filter((id) => id.length > 0) : [],
      proof: { id: combination.exampleId, at: combination.first, client: combination.clientName ?? facts.clientAppId, target: combination.resourceName ?? facts.resourceId, count: combination.count },
    };
    const tallyKeys = this.keysByJudgement(combination.refused, facts.subject, input.code);
    for (const entry of this.options.proposed) {
      const { judgement } = evaluate(entry);
      if (judgement === 'not-applied') continue;
      tallyInto(this.tallies(facts.principalId).policies, entry.policy.id, keyFor(tallyKeys, judgement), input);
    }
    for (const entry of this.options.mandatory) {
      const { judgement } = evaluate(entry);
      if (judgement === 'not-applied') continue;
      tallyInto(this.tallies(facts.principalId).mandatory, entry.policy.id, keyFor(tallyKeys, judgement), input);
    }
    if (!combination.refused && this.options.proposed.length > 0) {
      if (failing(this.combined(this.proposedSet, evaluate)) && !failing(this.combined(this.today, evaluate))) {
        const tallies = this.tallies(facts.principalId);
        tallies.newlyFailing = addToBucket(tallies.newlyFailing ?? undefined, input);
        for (const entry of this.options.proposed) {
          if (failing(evaluate(entry).judgement) && !tallies.newlyFailingBy.includes(entry.policy.id)) tallies.newlyFailingBy.push(entry.policy.id);
        }
        tallies.newlyFailingBy.sort();
      }
    }
    for (const recorded of this.recorded(combination.applied)) this.compare(recorded, combination, evaluate);
  }

  private compare(recorded: RecordedResult, combination: JudgedCombination, evaluate: (entry: WhatIfPolicy) => PolicyEvaluation): void {
    const definition = this.definitions.get(recorded.id);
    if (!definition) {
      const seen = this.undefinedPolicies.get(recorded.id) ?? { policyId: recorded.id, displayName: recorded.displayName, signIns: 0 };
      seen.signIns += combination.count;
      this.undefinedPolicies.set(recorded.id, seen);
      return;
    }
    const count = this.agreement.get(recorded.id) ?? {
      policyId: recorded.id,
      displayName: definition.policy.displayName ?? recorded.displayName,
      state: definition.policy.state,
      origin: definition.origin,
      compared: 0,
      agreed: 0,
      notComparable: 0,
    };
    this.agreement.set(recorded.id, count);
    const evaluation = evaluate(definition);
    const expected = expectedEntraResult(definition, evaluation, combination.facts);
    if (expected === null) {
      count.notComparable += combination.count;
      return;
    }
    count.compared += combination.count;
    const actual = comparableEntraResult(recorded.result);
    if (expected === actual) {
      count.agreed += combination.count;
      return;
    }
    const key = `${recorded.id}|${actual}|${expected}|${evaluation.judgement}`;
    const found = this.disagreements.get(key);
    const example = { id: combination.exampleId, at: combination.first };
    if (!found) {
      this.disagreements.set(key, { policyId: recorded.id, displayName: count.displayName, state: definition.policy.state, recorded: recorded.result, expected, judgement: evaluation.judgement, signIns: combination.count, example });
      return;
    }
    found.signIns += combination.count;
    if (example.at < found.example.at || (example.at === found.example.at && example.id < found.example.id)) found.example = example;
  }

  result(): WhatIfTallies {
    const byId = (a: { policyId: string }, b: { policyId: string }): number => (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : 0);
    const disagreements = [...this.disagreements.values()].sort((a, b) => b.signIns - a.signIns || byId(a, b) || (a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0) || (a.judgement < b.judgement ? -1 : 1));
    return {
      identities: this.identities,
      agreement: { byPolicy: [...this.agreement.values()].sort(byId), disagreements, undefinedPolicies: [...this.undefinedPolicies.values()].sort(byId) },
    };
  }
}
