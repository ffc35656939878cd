import type { Overview } from '../../../src/report/view-model/view-types.js';
import { el } from '../dom.js';
import { count, relativeToAsOf } from '../format.js';

function fact(key: string, value: string, note = ''): HTMLElement {
  const node = el('div', 'fact');
  node.append(el('span', 'k', key), el('span', 'v', value));
  if (note) node.append(el('span', 'note', note));
  return node;
}

export function headerView(overview: Overview, live: boolean): HTMLElement {
  const header = el('header', 'top');
  const title = el('h1', null, 'Mandatory MFA for Azure: automation signing in as users');
  if (live) title.append(el('span', 'live', 'live'));
  const { phase1, phase2 } = overview.enforcement;
  const facts = el('div', 'facts');
  facts.append(
    fact('Tenant', overview.tenantId ?? 'unknown'),
    fact('Data as of', overview.asOf),
    fact('Phase 1 · portal', phase1, relativeToAsOf(phase1, overview.asOf)),
    fact('Phase 2 · ARM writes', phase2, relativeToAsOf(phase2, overview.asOf)),
    fact('Identities', count(overview.total)),
    fact('Code findings', count(overview.scan.total)),
    fact('Records imported', count(overview.coverage.stored), `${count(overview.coverage.batches)} batches${overview.coverage.quarantined > 0 ? `, ${count(overview.coverage.quarantined)} quarantined` : ''}`),
  );
  header.append(
    title,
    el('div', 'sub', 'Which identities break when Microsoft enforces MFA on the Azure portal (phase 1) and on Azure Resource Manager writes (phase 2), and how to migrate them.'),
    facts,
  );
  return header;
}
