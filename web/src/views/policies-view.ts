import { VERDICT_URGENCY } from '../../../src/report/presentation.js';
import type { Overview } from '../../../src/report/view-model/view-types.js';
import { el, section } from '../dom.js';
import { count, phaseLabel, VERDICT_LABEL } from '../format.js';
import type { QueryState } from '../query-state.js';

/** The what-if policies whose verdicts differ from the mandatory phases': shown only when a verdict comes from one. */
export function policiesView(overview: Overview, state: QueryState): HTMLElement | null {
  if (overview.policies.length === 0) return null;
  const view = section('policies', 'What-if policies', 'Identities whose verdict a proposed Conditional Access policy decides rather than the mandatory phases. Click a policy to list them.');
  const table = el('table', 'policies');
  const head = el('tr');
  head.append(el('th', null, 'Policy'), ...VERDICT_URGENCY.map((verdict) => el('th', 'num', VERDICT_LABEL[verdict])), el('th', 'num', 'First break'), el('th', 'num', 'Total'));
  const body = el('tbody');
  for (const policy of overview.policies) {
    const row = el('tr', 'policy-row');
    row.tabIndex = 0;
    row.dataset['phase'] = policy.phase;
    row.append(el('td', null, phaseLabel(policy.phase)), ...VERDICT_URGENCY.map((verdict) => el('td', 'num', count(policy.byVerdict[verdict]))), el('td', 'num', policy.firstBreak ?? '—'), el('td', 'num', count(policy.total)));
    const pick = (): void => state.reset({ phase: policy.phase });
    row.addEventListener('click', pick);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') pick();
    });
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  view.append(table);
  return view;
}
