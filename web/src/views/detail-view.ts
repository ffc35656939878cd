import { ACTION_LABEL } from '../../../src/report/presentation.js';
import type { IdentityDetail, KeyValue, TableRow } from '../../../src/report/view-model/view-types.js';
import { disposeChart, type Chart } from '../charts/echarts-setup.js';
import { DAYS, drawHeatmap } from '../charts/hour-of-week-heatmap.js';
import type { DataSource } from '../data/data-source.js';
import { button, el } from '../dom.js';
import { CLASS_LABEL, count, percent, phaseLabel, plural, VERDICT_LABEL } from '../format.js';

function heading(text: string): HTMLElement {
  return el('h3', null, text);
}

function keyValues(pairs: readonly KeyValue[], className = 'kv'): HTMLElement {
  const box = el('dl', className);
  for (const [key, value] of pairs) box.append(el('dt', null, key), el('dd', null, value));
  return box;
}

function list(items: readonly HTMLElement[], empty: string, className?: string): HTMLElement {
  if (items.length === 0) return el('p', 'empty', empty);
  const node = el('ul', className);
  node.append(...items);
  return node;
}

/** Evidence, strongest first, each weight drawn as a bar: positive toward the class, negative against it. */
function evidenceTable(detail: IdentityDetail): HTMLElement {
  if (detail.evidence.length === 0) return el('p', 'empty', 'No evidence recorded.');
  const max = Math.max(...detail.evidence.map((item) => Math.abs(item.weight))) || 1;
  const table = el('table', 'evidence');
  const head = el('tr');
  head.append(el('th', null, 'Signal'), el('th', null, 'Detail'), el('th', 'num', 'Weight'));
  const body = el('tbody');
  for (const item of [...detail.evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
    const row = el('tr');
    const weight = el('td', 'num');
    const box = el('span', 'weight');
    const bar = el('span', item.weight < 0 ? 'bar neg' : 'bar');
    bar.style.width = `${Math.round((Math.abs(item.weight) / max) * 60)}px`;
    box.append(bar, el('span', null, `${item.weight > 0 ? '+' : ''}${item.weight.toFixed(2)}`));
    weight.append(box);
    row.append(el('td', 'mono', item.signal), el('td', null, item.detail), weight);
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  return table;
}

/** What the heatmap says in words: how many sign-ins, on how many hours, the busiest. */
function rhythmSummary(hourOfWeek: readonly number[]): string {
  const total = hourOfWeek.reduce((sum, n) => sum + n, 0);
  const hours = hourOfWeek.filter((n) => n > 0).length;
  const busiest = hourOfWeek.indexOf(Math.max(...hourOfWeek));
  const day = DAYS[Math.floor(busiest / 24)] ?? '';
  return `${plural(total, 'sign-in', 'sign-ins')} over ${plural(hours, 'hour', 'hours')} of the week; busiest ${day} ${String(busiest % 24).padStart(2, '0')}:00 UTC.`;
}

export interface DetailView {
  view: HTMLElement;
  open(row: TableRow): Promise<void>;
  close(): void;
}

/**
 * One identity: why it is this class (evidence and weights), its rhythm (hour-of-week heatmap), the sign-ins and
 * operations that prove its verdict, the code that signs in as it, and its plan, owner and exception when they exist.
 */
export function detailView(source: DataSource, onChange: (id: string | null) => void): DetailView {
  const view = el('aside', 'drawer');
  view.id = 'detail';
  view.hidden = true;
  view.setAttribute('role', 'dialog');
  view.setAttribute('aria-labelledby', 'detail-title');
  const closeButton = button('Close', 'plain close');
  closeButton.setAttribute('aria-label', 'Close the identity details');
  const body = el('div', 'drawer-body');
  view.append(closeButton, body);
  let heatmap: Chart | null = null;
  let opened = 0;

  function close(): void {
    opened += 1;
    if (heatmap) disposeChart(heatmap);
    heatmap = null;
    view.hidden = true;
    body.replaceChildren();
    onChange(null);
  }

  async function open(row: TableRow): Promise<void> {
    opened += 1;
    const mine = opened;
    if (heatmap) disposeChart(heatmap);
    heatmap = null;
    view.hidden = false;
    onChange(row.id);
    body.replaceChildren(el('p', 'empty', 'Loading…'));
    const detail = await source.detail(row);
    if (mine !== opened) return;
    const title = el('h2', 'detail-title', detail.displayName);
    title.id = 'detail-title';
    const badges = el('p', 'badges');
    badges.append(
      el('span', `badge v-${detail.verdict}`, VERDICT_LABEL[detail.verdict]),
      el('span', 'tag', CLASS_LABEL[detail.class]),
      el('span', 'tag', detail.verdict === 'broken' ? 'failing now' : detail.breaksOn === null ? 'no break date' : `breaks ${detail.breaksOn}`),
      el('span', 'tag', phaseLabel(detail.phase)),
    );
    const rhythm = el('div', 'heatmap');
    const rhythmNote = el('p', 'lead', detail.hourOfWeek === null ? 'No sign-ins recorded.' : rhythmSummary(detail.hourOfWeek));
    const links = detail.automationLinks.map((link) => {
      const item = el('li');
      item.append(el('code', null, `${link.file}:${link.line}`), el('span', 'muted', ` · ${link.authMethod}`));
      return item;
    });
    const governance: HTMLElement[] = [];
    if (detail.plan) governance.push(heading('Migration plan'), keyValues(detail.plan));
    if (detail.ownerDetail) governance.push(heading('Owner'), keyValues(detail.ownerDetail));
    if (detail.exceptionDetail) governance.push(heading('Exception'), keyValues(detail.exceptionDetail));
    body.replaceChildren(
      title,
      el('p', 'upn', detail.upn ?? detail.id),
      badges,
      heading('Recommendation'),
      el('p', 'recommendation', `${ACTION_LABEL[detail.action]}. ${detail.why}`),
      heading(`Why ${VERDICT_LABEL[detail.verdict].toLowerCase()}: the sign-ins and operations that prove it`),
      list(detail.reasons.map((reason) => el('li', null, reason)), 'No reasons recorded.', 'reasons'),
      heading(`Evidence for ${CLASS_LABEL[detail.class].toLowerCase()} (${percent(detail.confidence)} confidence)`),
      evidenceTable(detail),
      heading('Sign-ins by hour of the week (UTC)'),
      rhythmNote,
      rhythm,
      heading('Code that signs in as this identity'),
      list(links, 'No code found that signs in as this identity.', 'automation'),
      ...governance,
      heading('Identity'),
      keyValues([
        ['Object ID', detail.id],
        ['UPN', detail.upn ?? '—'],
        ['Kind', detail.kind],
        ['Automation links', count(detail.automation)],
      ]),
    );
    if (detail.hourOfWeek === null) rhythm.hidden = true;
    else heatmap = drawHeatmap(rhythm, detail.hourOfWeek);
    closeButton.focus({ preventScroll: true });
  }

  closeButton.addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !view.hidden) close();
  });
  return { view, open, close };
}
