import type { Overview } from '../../../src/report/view-model/view-types.js';
import { button, el, section } from '../dom.js';
import { count } from '../format.js';

/**
 * The migrations and retirements the planner made: how many stand at each stage, and the most urgent listed with their
 * target, federated credential subject, least-privilege role and stage; a name opens the identity with the whole plan.
 * Not drawn when no identity has a plan to carry out.
 */
export function plansView(overview: Overview, openIdentity: (id: string) => void): HTMLElement | null {
  const { total, listed } = overview.plans;
  if (total === 0) return null;
  const stages = overview.stages.map((tally) => `${count(tally.count)} ${tally.stage}`).join(', ');
  const more = total > listed.length ? ` The ${count(listed.length)} most urgent are listed; analysis.json holds every plan.` : '';
  const view = section(
    'plans',
    'Migration plans',
    `${count(total)} ${total === 1 ? 'account' : 'accounts'} to move to a workload identity or retire (stages: ${stages}). Each plan's target, the federated credential subject read from its pipeline, the least-privilege role from its Activity log, and where the migration stands; "unattended plan ID --emit terraform|bicep|cli|patch" writes the artifacts.${more}`,
  );
  const table = el('table');
  table.id = 'plan-table';
  const head = el('tr');
  for (const label of ['Identity', 'Target', 'Subject / assignment', 'Least privilege', 'Stage']) head.append(el('th', null, label));
  const body = el('tbody');
  for (const plan of listed) {
    const row = el('tr');
    const name = el('td');
    const link = button(plan.name, 'link');
    link.dataset['identity'] = plan.id;
    link.addEventListener('click', () => openIdentity(plan.id));
    name.append(link);
    const stage = el('td');
    stage.append(el('span', 'badge stage', plan.stage));
    if (plan.command !== null) stage.append(el('div', 'mono', plan.command));
    row.append(name, el('td', null, plan.target), el('td', 'mono', plan.subject ?? '—'), el('td', null, plan.leastPrivilege ?? '—'), stage);
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  const wrap = el('div', 'table-wrap');
  wrap.append(table);
  view.append(wrap);
  return view;
}
