import { parseIdentityJson } from '../../report/identity-json.js';
import type { ReportIdentities } from '../../report/report-input.js';
import type { AnalysedEntry } from './analysed-entry.js';
import { readHourOfWeek } from './hour-of-week-bytes.js';

/**
 * Analysed entries (in the contract's order) as the report's identities: each reporter parses an identity's
 * analysis.json bytes back when it reaches it, and keeps nothing; analysis.json itself is written from the bytes.
 */
export function reportIdentitiesOf(entries: readonly AnalysedEntry[]): ReportIdentities {
  return {
    count: entries.length,
    *entries() {
      for (const entry of entries) {
        yield { identity: () => parseIdentityJson(entry.json), json: () => entry.json, hourOfWeek: () => readHourOfWeek(entry.hourOfWeek) };
      }
    },
  };
}
