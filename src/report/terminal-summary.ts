import { breaksSoonest } from './breaks-soonest.js';
import { ACTION_LABEL, VERDICT_LABEL, VERDICT_URGENCY } from './presentation.js';
import type { ReportInput } from './report-input.js';
import { terminalSafe } from './terminal-text.js';

const TERMINAL_SOONEST = 5;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What `report` prints after writing the files: counts, the most urgent identities, every tenant string made terminal-safe. */
export function terminalSummary(input: ReportInput): string {
  const byVerdict = input.analysis.summary.byVerdict;
  const verdicts = VERDICT_URGENCY.map((verdict) => `${byVerdict[verdict] ?? 0} ${VERDICT_LABEL[verdict].toLowerCase()}`).join(', ');
  const lines = [`${plural(input.identities.count, 'identity', 'identities')}: ${verdicts}; ${plural(input.scanFindings.length, 'code finding', 'code findings')}.`];
  const urgent = breaksSoonest(input.identities.entries(), TERMINAL_SOONEST);
  for (const identity of urgent) {
    const when = identity.verdict === 'broken' ? 'failing now' : `breaks ${identity.breaksOn ?? 'on an unknown date'}`;
    const who = identity.upn ? `${identity.displayName} <${identity.upn}>` : identity.displayName;
    lines.push(`  ${terminalSafe(who)}: ${when} (${identity.class}) → ${ACTION_LABEL[identity.action]}`);
  }
  const more = (byVerdict['broken'] ?? 0) + (byVerdict['breaks'] ?? 0) - urgent.length;
  if (more > 0) lines.push(`  … and ${more} more broken or breaking in the report.`);
  return `${lines.join('\n')}\n`;
}
