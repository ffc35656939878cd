import type { AutomationFinding } from '../../model/governance.js';

/** What identifies a place in code across snapshots: lines move as files are edited; file, rule and account do not. */
export function automationKey(entry: AutomationFinding): string {
  return `${entry.file}\u0000${entry.rule}\u0000${entry.identityKind ?? ''}\u0000${(entry.identityValue ?? '').toLowerCase()}`;
}

/** The entries of `after` that `before` does not account for, counting copies (a second identical login is new). */
export function addedAutomation<T extends AutomationFinding>(before: readonly AutomationFinding[], after: readonly T[]): T[] {
  const left = new Map<string, number>();
  for (const entry of before) left.set(automationKey(entry), (left.get(automationKey(entry)) ?? 0) + 1);
  const added: T[] = [];
  for (const entry of after) {
    const key = automationKey(entry);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else added.push(entry);
  }
  return added;
}
