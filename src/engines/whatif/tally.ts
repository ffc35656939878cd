/**
 * Counting what a policy did to an identity's sign-ins and writes without keeping them: per judgement, how many, the
 * first and last time, and the combinations that prove it (the earliest record of each, most records first). Every
 * fold is order-independent, so the result does not depend on the order DuckDB hands the combinations over in.
 */

/** A combination cited as proof: its earliest record, when, through what, and how many records it stands for. */
export interface Proof {
  id: string;
  at: string;
  client: string | null;
  /** The resource (a sign-in) or the operation (a write). */
  target: string | null;
  count: number;
}

export interface Bucket {
  count: number;
  first: string;
  last: string;
  /** Of `count`, password (ROPC) grants. */
  passwordGrants: number;
  /** Of `count`, MFA Azure Policy audit events (writes without MFA, recorded by an Audit-mode assignment). */
  audits: number;
  /** Error codes of the refused ones; policy definitions that denied the refused writes. */
  codes: number[];
  definitions: string[];
  proof: Proof[];
}

/** Combinations cited per bucket. */
export const PROOF_LIMIT = 3;

function proofOrder(a: Proof, b: Proof): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface BucketInput {
  count: number;
  first: string;
  last: string;
  passwordGrant: boolean;
  audit: boolean;
  code: number | null;
  definitions: readonly string[];
  proof: Proof;
}

function union<T>(list: T[], more: readonly T[]): T[] {
  for (const item of more) if (!list.includes(item)) list.push(item);
  return list;
}

export function addToBucket(bucket: Bucket | undefined, input: BucketInput): Bucket {
  const target: Bucket = bucket ?? { count: 0, first: input.first, last: input.last, passwordGrants: 0, audits: 0, codes: [], definitions: [], proof: [] };
  target.count += input.count;
  if (input.first < target.first) target.first = input.first;
  if (input.last > target.last) target.last = input.last;
  if (input.passwordGrant) target.passwordGrants += input.count;
  if (input.audit) target.audits += input.count;
  // Sorted only when something was added: a bucket takes in thousands of combinations, most adding nothing new.
  if (input.code !== null && !target.codes.includes(input.code)) {
    target.codes.push(input.code);
    target.codes.sort((a, b) => a - b);
  }
  if (input.definitions.some((id) => !target.definitions.includes(id))) union(target.definitions, input.definitions).sort();
  const { proof } = target;
  const worst = proof[PROOF_LIMIT - 1];
  if (worst === undefined || proofOrder(input.proof, worst) < 0) {
    proof.push(input.proof);
    proof.sort(proofOrder);
    if (proof.length > PROOF_LIMIT) proof.length = PROOF_LIMIT;
  }
  return target;
}

/**
 * What one policy did to one identity: buckets keyed `<done|refused>|<subject>|<error code>|<judgement>` (a sign-in or
 * write that went through, or one already refused, with its error code; a user sign-in, workload sign-in or write; the
 * judgement). Not-applied combinations are not kept.
 */
export type PolicyTally = Map<string, Bucket>;

export interface TallyKey {
  refused: boolean;
  subject: string;
  code: number | null;
  judgement: string;
}

export function tallyKey(key: TallyKey): string {
  return `${key.refused ? 'refused' : 'done'}|${key.subject}|${key.code ?? ''}|${key.judgement}`;
}

export function parseTallyKey(key: string): TallyKey {
  const [state = '', subject = '', code = '', ...rest] = key.split('|');
  return { refused: state === 'refused', subject, code: code === '' ? null : Number(code), judgement: rest.join('|') };
}

/** A tally's buckets with their keys parsed, in key order: what mergeEntries folds. */
export type TallyEntries = readonly { key: TallyKey; bucket: Bucket }[];

/** Keys are few (refused × subject × code × judgement) and met in every tally: each is parsed once. */
const parsedKeys = new Map<string, TallyKey>();

export function tallyEntries(tally: PolicyTally | undefined): TallyEntries {
  if (tally === undefined) return [];
  return [...tally.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, bucket]) => {
      let parsed = parsedKeys.get(key);
      if (parsed === undefined) {
        parsed = parseTallyKey(key);
        parsedKeys.set(key, parsed);
      }
      return { key: parsed, bucket };
    });
}

/** Buckets that match, merged (the sum of counts, the earliest first, the latest last, the best proof). */
export function mergeEntries(entries: TallyEntries, match: (key: TallyKey) => boolean): Bucket | null {
  let merged: Bucket | undefined;
  for (const { key, bucket } of entries) {
    if (!match(key)) continue;
    merged ??= { count: 0, first: bucket.first, last: bucket.last, passwordGrants: 0, audits: 0, codes: [], definitions: [], proof: [] };
    merged.count += bucket.count;
    if (bucket.first < merged.first) merged.first = bucket.first;
    if (bucket.last > merged.last) merged.last = bucket.last;
    merged.passwordGrants += bucket.passwordGrants;
    merged.audits += bucket.audits;
    union(merged.codes, bucket.codes).sort((a, b) => a - b);
    union(merged.definitions, bucket.definitions).sort();
    merged.proof = [...merged.proof, ...bucket.proof].sort(proofOrder).slice(0, PROOF_LIMIT);
  }
  return merged ?? null;
}

/** Buckets of a tally that match, merged. */
export function mergedBuckets(tally: PolicyTally | undefined, match: (key: TallyKey) => boolean): Bucket | null {
  return mergeEntries(tallyEntries(tally), match);
}
