import type { IdentityAnalysis } from '../../model/analysis.js';

/**
 * Most of a large tenant is people with no Azure portal or ARM access: 500,000 of them would make a report
 * no browser opens. Every identity that is automation or affected is embedded; people who are not affected
 * only up to this many. The cards and the matrix still count everyone, and identities.csv / analysis.json
 * beside the report hold every row.
 */
export const QUIET_HUMAN_LIMIT = 5_000;

export interface EmbeddedIdentities {
  identities: IdentityAnalysis[];
  omitted: number;
}

function quietHuman(identity: IdentityAnalysis): boolean {
  return identity.class === 'human' && identity.verdict === 'not-affected';
}

export function embeddedIdentities(identities: readonly IdentityAnalysis[], limit = QUIET_HUMAN_LIMIT): EmbeddedIdentities {
  const kept: IdentityAnalysis[] = [];
  let quiet = 0;
  let omitted = 0;
  for (const identity of identities) {
    if (quietHuman(identity)) {
      quiet += 1;
      if (quiet > limit) {
        omitted += 1;
        continue;
      }
    }
    kept.push(identity);
  }
  return { identities: kept, omitted };
}
