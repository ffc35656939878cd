import type { GovernanceDiff, PolicyEntryChange } from '../../model/governance-diff.js';
import type { SnapshotMeta } from '../../model/governance.js';
import { terminalSafe } from '../terminal-text.js';

function snapshotLabel(meta: SnapshotMeta): string {
  return `snapshot ${meta.id} (${meta.command} at ${meta.takenAt}, as of ${meta.asOf})`;
}

function verdict(value: { verdict: string; breaksOn: string | null }): string {
  return value.verdict === 'breaks' ? `breaks ${value.breaksOn ?? '?'}` : value.verdict;
}

function entryLine(change: PolicyEntryChange<Record<string, string>>): string {
  const subject = terminalSafe(change.subject);
  if (change.change === 'added') return `  + ${subject}: added${change.after?.['expires'] ? `, expires ${change.after['expires']}` : ''}${change.after?.['date'] ? ` from ${change.after['date']}` : ''}`;
  if (change.change === 'removed') return `  - ${subject}: removed`;
  const fields = change.fields.map((field) => `${field} ${terminalSafe(change.before?.[field] ?? '(none)')} → ${terminalSafe(change.after?.[field] ?? '(none)')}`);
  return `  ~ ${subject}: ${fields.join('; ')}`;
}

function days(count: number): string {
  if (count === 0) return 'today';
  return count > 0 ? `in ${count} day${count === 1 ? '' : 's'}` : `${-count} day${count === -1 ? '' : 's'} ago`;
}

/** `diff` in the terminal: the changes section by section (empty ones left out), then where the later snapshot stands. */
export function diffTable(diff: GovernanceDiff): string {
  const lines = [`unattended diff: ${snapshotLabel(diff.from)} → ${snapshotLabel(diff.to)}${diff.policyChanged ? '; the policy file changed' : ''}`];
  const section = (title: string, rows: string[]): void => {
    if (rows.length > 0) lines.push('', `${title} (${rows.length})`, ...rows);
  };
  const before = lines.length;
  section('new service accounts', diff.newServiceAccounts.map((identity) => `  + ${terminalSafe(identity.name)}: ${verdict(identity)}`));
  section('new breaking automation', diff.newBreakingAutomation.map((entry) => `  + ${terminalSafe(`${entry.file}:${entry.line}`)}: ${entry.authMethod} as ${terminalSafe(entry.identityValue ?? 'an unnamed account')} (${terminalSafe(entry.rule)})`));
  section('breaking automation gone', diff.removedBreakingAutomation.map((entry) => `  - ${terminalSafe(`${entry.file}:${entry.line}`)}: ${entry.authMethod} as ${terminalSafe(entry.identityValue ?? 'an unnamed account')}`));
  section('verdict changes', diff.verdictChanges.map((change) => `  ${terminalSafe(change.name)}: ${verdict(change.before)} → ${verdict(change.after)}`));
  section('owner changes', diff.ownerChanges.map((change) => `  ${terminalSafe(change.subject)}: ${terminalSafe(change.before ?? '(none)')} → ${terminalSafe(change.after ?? '(none)')}${change.rule ? ` (${terminalSafe(change.rule)})` : ''}`));
  section('exception changes', diff.exceptionChanges.map(entryLine));
  section('retirement changes', diff.retirementChanges.map(entryLine));
  section('migrations that moved a stage', diff.stageChanges.map((change) => `  ${terminalSafe(change.name)}: ${terminalSafe(change.before ?? '(none)')} → ${terminalSafe(change.after ?? '(none)')}`));
  if (lines.length === before) lines.push('', 'no changes');
  lines.push('', `as of snapshot ${diff.to.id}:`);
  const state = lines.length;
  section('exceptions expiring soon', diff.expiringExceptions.map((item) => `  ${terminalSafe(item.subject)}: expires ${item.expires} (${days(item.daysLeft)})`));
  section('expired exceptions', diff.expiredExceptions.map((item) => `  ${terminalSafe(item.subject)}: expired ${item.expires} (${days(item.daysLeft)})`));
  section('missing owners', diff.missingOwners.map((item) => `  ${terminalSafe(item.subject)}: ${terminalSafe(item.detail)}${item.since === 'new' ? ' [new]' : ''}`));
  section('retired accounts that still sign in', diff.retiredStillActive.map((item) => `  ${terminalSafe(item.name)}: retired from ${item.retiredOn}, active ${item.lastActivity?.slice(0, 10) ?? '?'}${item.since === 'new' ? ' [new]' : ''}`));
  if (lines.length === state) lines.push('  nothing expiring, expired, unowned or retired but active');
  return `${lines.join('\n')}\n`;
}

/** `diff --format json`: the GovernanceDiff contract, schemaVersion 1. */
export function diffJson(diff: GovernanceDiff): string {
  return `${JSON.stringify({ schemaVersion: 1, ...diff }, null, 2)}\n`;
}
