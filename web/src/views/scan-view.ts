import type { Overview } from '../../../src/report/view-model/view-types.js';
import { button, el, section } from '../dom.js';
import { count } from '../format.js';

/** Where code signs in: the most urgent findings; a UPN that names an analysed identity opens it. */
export function scanView(overview: Overview, openIdentity: (id: string) => void): HTMLElement {
  const { total, breaking, findings } = overview.scan;
  if (total === 0) {
    const view = section('scan', 'Sign-ins found in code');
    view.append(el('p', 'empty', 'No scan findings in the store (run "unattended scan DIR" to add them).'));
    return view;
  }
  const more = total > findings.length ? ` The ${count(findings.length)} most urgent are listed; scan-findings.csv holds all of them.` : '';
  const view = section('scan', 'Sign-ins found in code', `${count(total)} places in scripts, pipelines and IaC sign in to Azure; ${count(breaking)} use a user's password and break under mandatory MFA.${more}`);
  const table = el('table');
  table.id = 'scan-table';
  const head = el('tr');
  for (const label of ['Location', 'Ecosystem', 'Auth method', 'MFA impact', 'Identity', 'Rule', 'Fix']) head.append(el('th', null, label));
  const body = el('tbody');
  for (const finding of findings) {
    const row = el('tr');
    const identity = el('td');
    if (finding.identityKind !== null && finding.identityValue !== null) {
      identity.append(el('span', 'muted', `${finding.identityKind} `));
      const value = el('code', null, finding.identityValue);
      if (finding.identityId === null) identity.append(value);
      else {
        const link = button('', 'link');
        link.dataset['identity'] = finding.identityId;
        link.append(value);
        const id = finding.identityId;
        link.addEventListener('click', () => openIdentity(id));
        identity.append(link);
      }
    } else identity.append(el('span', 'empty', '—'));
    const rule = el('td');
    rule.append(el('code', null, finding.rule), el('div', null, finding.message));
    const impact = el('td');
    impact.append(el('span', `badge i-${finding.mfaImpact}`, finding.mfaImpact));
    row.append(el('td', 'mono', `${finding.file}:${finding.line}`), el('td', null, finding.ecosystem), el('td', 'mono', finding.authMethod), impact, identity, rule, el('td', null, finding.fix));
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
