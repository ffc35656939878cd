import type { TeamAccountability } from '../../engines/govern/accountability.js';
import { terminalSafe } from '../terminal-text.js';

function when(breaksOn: string | null): string {
  return breaksOn === null ? 'broken now' : `breaks ${breaksOn}`;
}

/**
 * The accountability view in the terminal: one block per owner team, then the service accounts nobody owns. Empty
 * when the policy names no owner, exception or retirement (there is nothing to be accountable for yet).
 */
export function accountabilityLines(teams: readonly TeamAccountability[]): string[] {
  if (!teams.some((entry) => entry.team !== null)) return [];
  const lines = ['', 'owners (unattended.yaml)'];
  for (const entry of teams) {
    const breaking = entry.breaking.length;
    if (entry.team === null) {
      // Unowned accounts are listed by `check`; here their count, and the decisions taken about them anyway.
      lines.push(`  no owner: ${entry.owned} service account${entry.owned === 1 ? '' : 's'}, ${breaking} broken or breaking (unattended init suggests owners)`);
    } else {
      lines.push(`  ${terminalSafe(entry.team)}: owns ${entry.owned}, ${breaking} broken or breaking`);
      for (const item of entry.breaking) lines.push(`    ${when(item.breaksOn).padEnd(17)} ${terminalSafe(item.name)}`);
    }
    for (const item of entry.excepted) lines.push(`    ${`excepted ${item.state}`.padEnd(17)} ${terminalSafe(item.name)} until ${item.expires}`);
    for (const item of entry.retiring) lines.push(`    ${'retiring'.padEnd(17)} ${terminalSafe(item.name)} from ${item.date}${item.stillActive ? ', STILL ACTIVE' : ''}`);
  }
  return lines;
}
