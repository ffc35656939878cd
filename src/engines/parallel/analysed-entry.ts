import { featuresFromText } from '../../features/identity-row.js';
import type { IdentityAnalysis, IdentityWhatIf } from '../../model/analysis.js';
import type { MigrationStage } from '../../model/plan.js';
import { identityJsonText } from '../../report/json.js';
import { analyseIdentity, type AnalysisContext } from '../analyse-identity.js';
import { orderKeyOf, type OrderKey } from '../identity-order.js';

/**
 * One analysed identity as `analyze` needs it: what orders it, counts it and lists it in the terminal table, and its
 * bytes in analysis.json. Small enough to cross from one thread to another; the evidence lives only in `json`.
 */
export interface AnalysedEntry extends OrderKey, Pick<IdentityAnalysis, 'id' | 'upn' | 'displayName' | 'kind' | 'class' | 'verdict' | 'breaksOn' | 'reasons'> {
  recommendation: Pick<IdentityAnalysis['recommendation'], 'action'>;
  /** The migration's stage (the table shows it); null without a plan. */
  stage: MigrationStage | null;
  /** With `analyze --what-if`: the client id (a workload's code links by it), and what each policy under test does to it. */
  appId?: string | null;
  whatIf?: Pick<IdentityWhatIf, 'policy' | 'outcome' | 'verdict' | 'newlyFails'>[];
  /** identityJsonText as UTF-8: a view into its chunk's one buffer, which lives outside the JavaScript heap. */
  json: Uint8Array;
}

const NO_BYTES = new Uint8Array(0);

/** This thread's buffer for a chunk's JSON as it is written: grown when a chunk needs more, never shrunk. */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** Room for `more` bytes after `used` in the scratch buffer, keeping what it holds. */
function reserve(used: number, more: number): Buffer {
  if (used + more <= scratch.length) return scratch;
  const grown = Buffer.allocUnsafeSlow(Math.max(scratch.length * 2, used + more));
  scratch.copy(grown, 0, 0, used);
  scratch = grown;
  return scratch;
}

/**
 * Feature rows as the store gives them (JSON texts) → checked features → analysis → entries, whose analysis.json
 * bytes share one buffer (`bytes`, to hand to another thread without a copy). Each identity goes all the way to its
 * bytes before the next is read: only the entries outlive it, so the young generation's collections find little alive.
 */
export function analyseTexts(texts: readonly string[], context: AnalysisContext): { entries: AnalysedEntry[]; bytes: ArrayBuffer } {
  const ends: number[] = [];
  const entries: AnalysedEntry[] = [];
  let used = 0;
  for (const text of texts) {
    const features = featuresFromText(text);
    const identity = analyseIdentity(features, context);
    const json = identityJsonText(identity);
    const length = Buffer.byteLength(json);
    used += reserve(used, length).write(json, used);
    ends.push(used);
    const entry: AnalysedEntry = {
      ...orderKeyOf(identity),
      id: identity.id,
      upn: identity.upn,
      displayName: identity.displayName,
      kind: identity.kind,
      class: identity.class,
      verdict: identity.verdict,
      breaksOn: identity.breaksOn,
      reasons: identity.reasons,
      recommendation: { action: identity.recommendation.action },
      stage: identity.plan?.stage.stage ?? null,
      // Set below, once the chunk's buffer exists.
      json: NO_BYTES,
    };
    if (identity.whatIf) {
      entry.appId = features.appId;
      entry.whatIf = identity.whatIf.map((item) => ({ policy: item.policy, outcome: item.outcome, verdict: item.verdict, newlyFails: item.newlyFails }));
    }
    entries.push(entry);
  }
  // The chunk's bytes, exactly: the scratch buffer stays with this thread for the next chunk.
  const bytes = Buffer.allocUnsafeSlow(used);
  scratch.copy(bytes, 0, 0, used);
  entries.forEach((entry, index) => {
    entry.json = bytes.subarray(ends[index - 1] ?? 0, ends[index]);
  });
  return { entries, bytes: bytes.buffer };
}
