import { VERDICT_URGENCY } from '../../../src/report/presentation.js';
import type { AgreementView, Overview } from '../../../src/report/view-model/view-types.js';
import { button, el, section } from '../dom.js';
import { CLASS_LABEL, count, percent, VERDICT_LABEL } from '../format.js';

function agreementText(label: string, agreement: AgreementView): string {
  if (agreement.rate === null) return `${label}: nothing to compare`;
  return `${label}: ${count(agreement.agreed)} of ${count(agreement.compared)} (${percent(agreement.rate)})`;
}

function table(id: string, labels: readonly string[], numeric: ReadonlySet<string>): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const node = el('table');
  node.id = id;
  const head = el('tr');
  head.append(...labels.map((label) => el('th', numeric.has(label) ? 'num' : null, label)));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  node.append(thead, body);
  return { table: node, body };
}

function wrapped(node: HTMLElement): HTMLElement {
  const wrap = el('div', 'table-wrap');
  wrap.append(node);
  return wrap;
}

/**
 * `--what-if`: the proposed Conditional Access policies, who would newly fail with them on (the sign-ins that prove it,
 * the code that signs in as them; a name opens the identity), and how far the evaluator agrees with what Entra
 * recorded, so a reader knows how much to trust the rest. Drawn only when the analysis judged what-if policies.
 */
export function whatIfDiffView(overview: Overview, openIdentity: (id: string) => void): HTMLElement | null {
  const whatIf = overview.whatIf;
  if (whatIf === null) return null;
  const { newlyFailing, agreement } = whatIf;
  const more = newlyFailing.total > newlyFailing.listed.length ? ` The ${count(newlyFailing.listed.length)} with the most sign-ins are listed; analysis.json holds every one.` : '';
  const view = section(
    'what-if',
    'What-if: proposed Conditional Access policies',
    `${count(newlyFailing.total)} ${newlyFailing.total === 1 ? 'identity whose sign-ins go through today would' : 'identities whose sign-ins go through today would'} fail with ${whatIf.policies.length === 1 ? 'this policy' : 'these policies'} switched on.${more}`,
  );

  const policies = table('what-if-policies', ['Policy', 'State in file', 'File', ...VERDICT_URGENCY.map((verdict) => VERDICT_LABEL[verdict])], new Set(VERDICT_URGENCY.map((verdict) => VERDICT_LABEL[verdict])));
  for (const policy of whatIf.policies) {
    const row = el('tr');
    const name = el('td');
    name.append(el('strong', null, policy.displayName ?? policy.id), el('span', 'upn', policy.id));
    if (policy.replaces) name.append(el('span', 'tag', 'replaces the stored policy'));
    row.append(name, el('td', null, policy.state), el('td', 'mono', policy.file), ...VERDICT_URGENCY.map((verdict) => el('td', 'num', count(policy.byVerdict[verdict]))));
    policies.body.append(row);
  }
  view.append(wrapped(policies.table));

  if (newlyFailing.listed.length > 0) {
    view.append(el('h3', null, 'Would newly fail'));
    const failing = table('what-if-newly-failing', ['Identity', 'Class', 'Today', 'Policies', 'Sign-ins', 'First → last', 'Proof', 'Code'], new Set(['Sign-ins']));
    for (const entry of newlyFailing.listed) {
      const row = el('tr');
      const name = el('td');
      const link = button(entry.name, 'link');
      link.dataset['identity'] = entry.id;
      link.addEventListener('click', () => openIdentity(entry.id));
      name.append(link);
      const today = el('td');
      today.append(el('span', `badge v-${entry.verdict}`, VERDICT_LABEL[entry.verdict]));
      const code = el('td', 'mono', entry.automation.length === 0 ? '—' : entry.automation.join(', '));
      row.append(
        name, el('td', null, CLASS_LABEL[entry.class]), today, el('td', null, entry.policies.join(', ')), el('td', 'num', count(entry.signIns)),
        el('td', 'mono', `${entry.first.slice(0, 10)} → ${entry.last.slice(0, 10)}`), el('td', 'mono', entry.proof ?? '—'), code,
      );
      failing.body.append(row);
    }
    view.append(wrapped(failing.table));
  }

  const agreed = el('p', 'muted', [
    `Agreement with the results Entra recorded, by sign-ins: ${agreementText('enabled', agreement.enabled)}; ${agreementText('report-only', agreement.reportOnly)}; ${agreementText('disabled', agreement.disabled)}`,
    `${count(agreement.notComparable)} not comparable; ${count(agreement.disagreements)} ${agreement.disagreements === 1 ? 'disagreement' : 'disagreements'}; ${count(agreement.undefinedPolicies)} ${agreement.undefinedPolicies === 1 ? 'policy' : 'policies'} recorded without a definition.`,
  ].join('. '));
  agreed.id = 'what-if-agreement';
  view.append(agreed);
  if (whatIf.notes.length > 0) {
    const notes = el('ul', 'notes');
    for (const note of whatIf.notes) notes.append(el('li', null, note));
    view.append(notes);
  }
  return view;
}
