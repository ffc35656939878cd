import type { OwnerEvidence, OwnerLeads, OwnerSuggestion } from '../../model/governance.js';

const RANK: Readonly<Record<OwnerEvidence['source'], number>> = { 'app-owner': 0, manager: 1, 'created-by': 2, 'password-set-by': 3, code: 4 };

function sentence(evidence: Exclude<OwnerEvidence, { source: 'code' }>): string {
  switch (evidence.source) {
    case 'app-owner': {
      const object = evidence.on === 'application' ? 'app registration' : evidence.on === 'managedIdentity' ? 'managed identity' : 'service principal';
      return `owner of the ${object}${evidence.objectName ? ` "${evidence.objectName}"` : ''} (Graph: ${evidence.on === 'application' ? 'applications' : 'servicePrincipals'}/{id}/owners)`;
    }
    case 'manager':
      return "the account's manager (Graph: users/{id}/manager)";
    case 'created-by':
      return `created it on ${evidence.at.slice(0, 10)} (audit log: ${evidence.activity}, initiatedBy)`;
    case 'password-set-by':
      return `last set its password on ${evidence.at.slice(0, 10)} (audit log: ${evidence.activity}, initiatedBy)`;
  }
}

/** The people the evidence points at, strongest first (app owners, manager, creator, last password set), one entry per person. */
export function ownerLeads(evidence: readonly OwnerEvidence[]): OwnerLeads {
  const people = new Map<string, OwnerSuggestion & { rank: number }>();
  const code: string[] = [];
  for (const item of [...evidence].sort((a, b) => RANK[a.source] - RANK[b.source])) {
    if (item.source === 'code') {
      code.push(`${item.repository}/${item.file}:${item.line} (${item.pipeline ? 'pipeline' : 'script'})`);
      continue;
    }
    const key = item.who.toLowerCase();
    const known = people.get(key);
    const because = sentence(item);
    if (known) {
      if (!known.because.includes(because)) known.because.push(because);
      known.name ??= 'name' in item ? item.name : null;
    } else people.set(key, { who: item.who, name: 'name' in item ? item.name : null, because: [because], rank: RANK[item.source] });
  }
  const suggestions = [...people.values()].sort((a, b) => a.rank - b.rank || b.because.length - a.because.length).map(({ who, name, because }) => ({ who, name, because }));
  return { suggestions, code };
}
