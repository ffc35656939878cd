import type { ImportCounts, Overview } from '../../../src/report/view-model/view-types.js';
import { el, section } from '../dom.js';
import { count } from '../format.js';

function countCells(counts: ImportCounts): HTMLElement[] {
  return [counts.read, counts.stored, counts.duplicates, counts.quarantined].map((value) => el('td', 'num', count(value)));
}

function table(headers: readonly string[], numericFrom: number, rows: readonly HTMLElement[]): HTMLElement {
  const node = el('table');
  const head = el('tr');
  headers.forEach((label, at) => head.append(el('th', at >= numericFrom ? 'num' : null, label)));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  body.append(...rows);
  node.append(thead, body);
  const wrap = el('div', 'table-wrap');
  wrap.append(node);
  return wrap;
}

/** What the verdicts rest on, so a reader can tell a quiet identity from a missing export. */
export function coverageView(overview: Overview): HTMLElement {
  const coverage = overview.coverage;
  if (coverage.batches === 0) {
    const view = section('coverage', 'Data coverage');
    view.append(el('p', 'empty', 'No import batches are recorded in the store: the verdicts rest on no log data.'));
    return view;
  }
  const view = section('coverage', 'Data coverage', `${count(coverage.batches)} batches: ${count(coverage.read)} records read, ${count(coverage.stored)} stored, ${count(coverage.duplicates)} duplicates, ${count(coverage.quarantined)} quarantined.`);
  const formats = coverage.byFormat.map((format) => {
    const row = el('tr');
    row.append(el('td', null, format.format ?? '—'), el('td', 'num', count(format.batches)), ...countCells(format));
    return row;
  });
  const batches = coverage.listed.map((batch) => {
    const row = el('tr', batch.quarantined > 0 ? 'warn' : null);
    row.append(el('td', 'mono', batch.file), el('td', null, batch.format ?? '—'), ...countCells(batch));
    return row;
  });
  const details = el('details');
  const more = coverage.batches > coverage.listed.length ? ` (the first ${count(coverage.listed.length)} of ${count(coverage.batches)})` : '';
  details.append(el('summary', null, `Every batch${coverage.folder === '' ? '' : ` under ${coverage.folder}`}${more}`), table(['Source', 'Format', 'Read', 'Stored', 'Duplicates', 'Quarantined'], 2, batches));
  view.append(table(['Format', 'Batches', 'Read', 'Stored', 'Duplicates', 'Quarantined'], 1, formats), details);
  return view;
}
