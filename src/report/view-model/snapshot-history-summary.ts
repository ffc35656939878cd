import type { GovernanceDiff, PolicyEntryChange, SnapshotHistory } from '../../model/governance-diff.js';
import type { SnapshotTrendPoint } from '../../model/governance.js';
import type { SnapshotChangeView, SnapshotPointView, SnapshotsView } from './view-types.js';

/** Snapshots drawn over time: the latest this many (one a day is two months). Every one is counted. */
export const LISTED_SNAPSHOTS = 60;
/** Items listed per kind of change; every one is counted (`unattended diff` lists them all). */
export const LISTED_CHANGES = 50;

/** What `diff` says of the later snapshot alone, after the changes. */
const STATE_KINDS: ReadonlySet<string> = new Set(['expiring-exceptions', 'expired-exceptions', 'missing-owners', 'retired-still-active']);

function pointOf(point: SnapshotTrendPoint): SnapshotPointView {
  const { meta } = point;
  return { id: meta.id, takenAt: meta.takenAt, command: meta.command, asOf: meta.asOf, identities: point.identities, serviceAccounts: { ...point.serviceAccounts }, gateProblems: meta.gateProblems };
}

function verdictText(value: { verdict: string; breaksOn: string | null }): string {
  return value.verdict === 'breaks' ? `breaks ${value.breaksOn ?? '?'}` : value.verdict;
}

function days(count: number): string {
  if (count === 0) return 'today';
  return count > 0 ? `in ${count} day${count === 1 ? '' : 's'}` : `${-count} day${count === -1 ? '' : 's'} ago`;
}

function entryDetail(change: PolicyEntryChange<Record<string, string>>): string {
  if (change.change === 'removed') return 'removed';
  if (change.change === 'added') {
    const expires = change.after?.['expires'];
    const from = change.after?.['date'];
    return `added${expires ? `, expires ${expires}` : ''}${from ? ` from ${from}` : ''}`;
  }
  return change.fields.map((field) => `${field} ${change.before?.[field] ?? '(none)'} → ${change.after?.[field] ?? '(none)'}`).join('; ');
}

/** The same kinds of change, in the same order and words, as `unattended diff` prints (src/report/diff/diff-table.ts). */
function changesOf(diff: GovernanceDiff): SnapshotChangeView[] {
  const kinds: [key: string, title: string, items: { subject: string; detail: string }[]][] = [
    ['new-service-accounts', 'New service accounts', diff.newServiceAccounts.map((item) => ({ subject: item.name, detail: verdictText(item) }))],
    ['new-breaking-automation', 'New breaking automation', diff.newBreakingAutomation.map((entry) => ({ subject: `${entry.file}:${entry.line}`, detail: `${entry.authMethod} as ${entry.identityValue ?? 'an unnamed account'} (${entry.rule})` }))],
    ['breaking-automation-gone', 'Breaking automation gone', diff.removedBreakingAutomation.map((entry) => ({ subject: `${entry.file}:${entry.line}`, detail: `${entry.authMethod} as ${entry.identityValue ?? 'an unnamed account'}` }))],
    ['verdict-changes', 'Verdict changes', diff.verdictChanges.map((change) => ({ subject: change.name, detail: `${verdictText(change.before)} → ${verdictText(change.after)}` }))],
    ['owner-changes', 'Owner changes', diff.ownerChanges.map((change) => ({ subject: change.subject, detail: `${change.before ?? '(none)'} → ${change.after ?? '(none)'}${change.rule ? ` (${change.rule})` : ''}` }))],
    ['exception-changes', 'Exception changes', diff.exceptionChanges.map((change) => ({ subject: change.subject, detail: entryDetail(change) }))],
    ['retirement-changes', 'Retirement changes', diff.retirementChanges.map((change) => ({ subject: change.subject, detail: entryDetail(change) }))],
    ['stage-changes', 'Migrations that moved a stage', diff.stageChanges.map((change) => ({ subject: change.name, detail: `${change.before ?? '(none)'} → ${change.after ?? '(none)'}` }))],
    ['expiring-exceptions', 'Exceptions expiring soon', diff.expiringExceptions.map((item) => ({ subject: item.subject, detail: `expires ${item.expires} (${days(item.daysLeft)})` }))],
    ['expired-exceptions', 'Expired exceptions', diff.expiredExceptions.map((item) => ({ subject: item.subject, detail: `expired ${item.expires} (${days(item.daysLeft)})` }))],
    ['missing-owners', 'Missing owners', diff.missingOwners.map((item) => ({ subject: item.subject, detail: `${item.detail}${item.since === 'new' ? ' [new]' : ''}` }))],
    ['retired-still-active', 'Retired accounts that still sign in', diff.retiredStillActive.map((item) => ({ subject: item.name, detail: `retired from ${item.retiredOn}, active ${item.lastActivity?.slice(0, 10) ?? '?'}${item.since === 'new' ? ' [new]' : ''}` }))],
  ];
  return kinds
    .filter(([, , items]) => items.length > 0)
    .map(([key, title, items]) => ({ key, scope: STATE_KINDS.has(key) ? 'state' : 'change', title, total: items.length, items: items.slice(0, LISTED_CHANGES) }));
}

/** The snapshots as the views show them, or null when the store keeps none (the view is then not drawn). */
export function snapshotHistorySummary(history: SnapshotHistory | null | undefined): SnapshotsView | null {
  if (!history || history.points.length === 0) return null;
  const points = history.points.slice(-LISTED_SNAPSHOTS).map(pointOf);
  const { latest } = history;
  const at = (id: number): SnapshotPointView | undefined => points.find((point) => point.id === id);
  const from = latest ? at(latest.from.id) : undefined;
  const to = latest ? at(latest.to.id) : undefined;
  return {
    total: history.points.length,
    points,
    latest: latest && from && to ? { from, to, policyChanged: latest.policyChanged, changes: changesOf(latest) } : null,
  };
}
