import type { IdentityClass, IdentityWhatIf, WhatIfOutcome } from '../../model/analysis.js';
import { minute, span } from '../impact/phrases.js';
import type { IdentityTallies } from './judge.js';
import { mergeEntries, tallyEntries, type Bucket, type TallyEntries } from './tally.js';

/**
 * Per identity and proposed policy: the outcome in the what-if vocabulary (unaffected, challenged, fails, blocked,
 * unknown:<condition>), the analyze verdict it amounts to, and the reasons with the sign-ins that prove it.
 * - fails or blocked → `breaks` (when the policy is switched on: no date);
 * - only sign-ins already refused → `broken`;
 * - challenged (a person prompted, who can answer) or unknown → `at-risk`;
 * - every sign-in it takes in already meets it → `ready`.
 * A policy that takes in none of the identity's sign-ins is left out: `not-affected`.
 * A service account's interactive prompt is a failure too: nobody is there to answer it.
 */

/** The policies under test, as the per-identity verdicts name them. */
export interface WhatIfPolicyRef {
  id: string;
  displayName: string | null;
}

const MACHINE_CLASSES: ReadonlySet<IdentityClass> = new Set(['service-account']);

/** Why a condition could not be answered, in the words of a reason. */
function unknownWhy(condition: string): string {
  if (condition === 'session') return 'their token rides a session that began before the imported window, so whether it carries MFA cannot be told';
  if (condition === 'operations') return 'writes are refused and reads are not, and a sign-in does not say which it was used for';
  return `the data cannot answer the policy's ${condition} condition`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "; e.g. sign-in I at T via Client → Resource (N like it)": the combination with most records, named so it can be looked up. */
function example(bucket: Bucket): string {
  const [first] = bucket.proof;
  if (!first) return '';
  return `; e.g. sign-in ${first.id} at ${minute(first.at)} via ${first.client ?? 'an unnamed client'} → ${first.target ?? 'an unrecorded resource'} (${plural(first.count, 'record')} like it)`;
}

function judgementBuckets(tally: TallyEntries, refused: boolean, judge: (judgement: string) => boolean): Bucket | null {
  return mergeEntries(tally, (key) => key.refused === refused && judge(key.judgement));
}

/** The unknown condition most records fall under (ties by name), and its bucket. */
function mainUnknown(tally: TallyEntries): { condition: string; bucket: Bucket } | null {
  const conditions = new Set<string>();
  for (const { key } of tally) {
    if (!key.refused && key.judgement.startsWith('unknown:')) conditions.add(key.judgement.slice('unknown:'.length));
  }
  let best: { condition: string; bucket: Bucket } | null = null;
  for (const condition of [...conditions].sort()) {
    const bucket = judgementBuckets(tally, false, (judgement) => judgement === `unknown:${condition}`);
    if (bucket !== null && (best === null || bucket.count > best.bucket.count)) best = { condition, bucket };
  }
  return best;
}

function failsSentence(bucket: Bucket, promptsFolded: number): string {
  const parts: string[] = [];
  if (bucket.passwordGrants > 0) parts.push(`${plural(bucket.passwordGrants, 'password (ROPC) grant')}, which cannot do MFA`);
  if (promptsFolded > 0) parts.push(`${plural(promptsFolded, 'interactive prompt')} a service account has nobody to answer`);
  const rest = bucket.count - bucket.passwordGrants - promptsFolded;
  if (rest > 0) parts.push(`${plural(rest, 'non-interactive sign-in')} (token refreshes: nobody is there to answer a prompt)`);
  return `${plural(bucket.count, 'sign-in')} would fail: ${parts.join('; ')}; ${span(bucket.first, bucket.last)}${example(bucket)}.`;
}

export function identityWhatIf(policy: WhatIfPolicyRef, tallies: IdentityTallies | undefined, identityClass: IdentityClass): IdentityWhatIf | null {
  const policyTally = tallies?.policies.get(policy.id);
  if (policyTally === undefined || policyTally.size === 0) return null;
  // Sorted and parsed once for the seven folds below.
  const tally = tallyEntries(policyTally);
  const machine = MACHINE_CLASSES.has(identityClass);
  const blocked = judgementBuckets(tally, false, (judgement) => judgement === 'blocked');
  const challenged = judgementBuckets(tally, false, (judgement) => judgement === 'challenged');
  const failing = judgementBuckets(tally, false, (judgement) => judgement === 'fails' || (machine && judgement === 'challenged'));
  const satisfied = judgementBuckets(tally, false, (judgement) => judgement === 'satisfied');
  const unknownMain = mainUnknown(tally);
  const unknownAll = judgementBuckets(tally, false, (judgement) => judgement.startsWith('unknown:'));
  const refused = mergeEntries(tally, (key) => key.refused && key.judgement !== 'satisfied');
  const reasons: string[] = [];
  let outcome: WhatIfOutcome;
  let verdict: IdentityWhatIf['verdict'];
  let proof: Bucket | null;
  if (blocked !== null) {
    outcome = 'blocked';
    verdict = 'breaks';
    proof = blocked;
    reasons.push(`${plural(blocked.count, 'sign-in')} would be blocked, ${span(blocked.first, blocked.last)}${example(blocked)}.`);
  } else if (failing !== null) {
    outcome = 'fails';
    verdict = 'breaks';
    proof = failing;
    reasons.push(failsSentence(failing, machine ? (challenged?.count ?? 0) : 0));
  } else if (challenged !== null) {
    outcome = 'challenged';
    verdict = 'at-risk';
    proof = challenged;
    reasons.push(`${plural(challenged.count, 'interactive sign-in')} would be asked for what the policy requires, a prompt a person can answer, ${span(challenged.first, challenged.last)}${example(challenged)}.`);
  } else if (unknownMain !== null) {
    outcome = `unknown:${unknownMain.condition}`;
    verdict = 'at-risk';
    proof = unknownMain.bucket;
  } else if (satisfied !== null) {
    outcome = 'unaffected';
    verdict = 'ready';
    proof = satisfied;
  } else {
    outcome = 'fails';
    verdict = 'broken';
    proof = refused;
  }
  if (unknownAll !== null && unknownMain !== null) {
    reasons.push(`${plural(unknownAll.count, 'sign-in')} cannot be judged: ${unknownWhy(unknownMain.condition)}, ${span(unknownAll.first, unknownAll.last)}${example(unknownAll)}; they prove no failure alone.`);
  }
  if (satisfied !== null) reasons.push(`${plural(satisfied.count, 'sign-in')} already meet it (MFA their own or carried by their session, or the device it asks for), ${span(satisfied.first, satisfied.last)}.`);
  if (refused !== null) {
    const codes = refused.codes.length > 0 ? ` with ${refused.codes.join('/')}` : '';
    reasons.push(`${plural(refused.count, 'sign-in')} it takes in already failed${codes}, ${span(refused.first, refused.last)}${example(refused)}.`);
  }
  const newlyFails = tallies?.newlyFailingBy.includes(policy.id) ?? false;
  if (newlyFails && tallies?.newlyFailing) reasons.push(`New against today's enabled policies: ${plural(tallies.newlyFailing.count, 'sign-in')} that go through today would fail with the proposed policies on.`);
  return {
    policy: policy.id,
    displayName: policy.displayName,
    phase: `policy:${policy.id}`,
    outcome,
    verdict,
    breaksOn: null,
    newlyFails,
    signIns: {
      unaffected: satisfied?.count ?? 0,
      challenged: machine ? 0 : (challenged?.count ?? 0),
      fails: failing?.count ?? 0,
      blocked: blocked?.count ?? 0,
      unknown: unknownAll?.count ?? 0,
      alreadyRefused: refused?.count ?? 0,
    },
    reasons,
    proof: (proof?.proof ?? []).map((entry) => ({ signIn: entry.id, at: entry.at, client: entry.client, target: entry.target, records: entry.count })),
  };
}
