import { ACTION_LABEL, CLASS_ORDER, VERDICT_URGENCY } from '../../../src/report/presentation.js';
import { NO_VALUE, type Overview, type SortKey, type TableQuery, type TableRow } from '../../../src/report/view-model/view-types.js';
import type { DataSource, RowSet } from '../data/data-source.js';
import { button, el, section, visible } from '../dom.js';
import { CLASS_LABEL, count, percent, phaseLabel, VERDICT_LABEL } from '../format.js';
import type { QueryState } from '../query-state.js';

/** Every row is this tall, so that a scroll position maps to a row without measuring any. */
export const ROW_HEIGHT = 44;
/** Rows drawn above and below the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 8;
/** The event the table sends each time it has drawn its rows (the scale benchmark times scrolling and search by it). */
export const RENDERED_EVENT = 'identities-rendered';

interface Column {
  key: string;
  label: string;
  sort: SortKey | null;
  numeric: boolean;
  width: string;
  fill: (cell: HTMLElement, row: TableRow) => void;
}

function setText(cell: HTMLElement, text: string): void {
  cell.textContent = visible(text);
}

function columns(overview: Overview): Column[] {
  const list: Column[] = [
    {
      key: 'name', label: 'Identity', sort: 'name', numeric: false, width: 'minmax(220px, 2.4fr)',
      fill: (cell, row) => {
        cell.replaceChildren(el('strong', null, row.displayName), el('span', 'upn', row.upn ?? row.id));
      },
    },
    { key: 'class', label: 'Class', sort: 'class', numeric: false, width: '128px', fill: (cell, row) => setText(cell, CLASS_LABEL[row.class]) },
    {
      key: 'verdict', label: 'Verdict', sort: 'verdict', numeric: false, width: '104px',
      fill: (cell, row) => cell.replaceChildren(el('span', `badge v-${row.verdict}`, VERDICT_LABEL[row.verdict])),
    },
    { key: 'breaksOn', label: 'Breaks on', sort: 'breaksOn', numeric: true, width: '104px', fill: (cell, row) => setText(cell, row.breaksOn ?? '—') },
    { key: 'phase', label: 'Phase', sort: null, numeric: false, width: '150px', fill: (cell, row) => setText(cell, row.phase === null ? '—' : phaseLabel(row.phase)) },
    { key: 'confidence', label: 'Confidence', sort: 'confidence', numeric: true, width: '96px', fill: (cell, row) => setText(cell, percent(row.confidence)) },
    { key: 'action', label: 'Recommendation', sort: 'action', numeric: false, width: 'minmax(200px, 1.6fr)', fill: (cell, row) => setText(cell, ACTION_LABEL[row.action]) },
  ];
  if (overview.owners.length > 0) list.push({ key: 'owner', label: 'Owner', sort: 'owner', numeric: false, width: 'minmax(120px, 1fr)', fill: (cell, row) => setText(cell, row.owner ?? '—') });
  if (overview.stages.length > 0) list.push({ key: 'stage', label: 'Stage', sort: 'stage', numeric: false, width: '120px', fill: (cell, row) => setText(cell, row.stage ?? '—') });
  if (overview.exceptions > 0) list.push({ key: 'exception', label: 'Exception', sort: null, numeric: false, width: 'minmax(120px, 1fr)', fill: (cell, row) => setText(cell, row.exception ?? '—') });
  list.push({ key: 'automation', label: 'Code', sort: 'automation', numeric: true, width: '64px', fill: (cell, row) => setText(cell, row.automation === 0 ? '—' : count(row.automation)) });
  return list;
}

function option(value: string, label: string): HTMLOptionElement {
  const node = el('option', null, label);
  node.value = value;
  return node;
}

function select(id: string, label: string, options: readonly HTMLOptionElement[]): HTMLSelectElement {
  const node = el('select');
  node.id = id;
  node.setAttribute('aria-label', label);
  node.append(...options);
  return node;
}

export interface IdentityTable {
  view: HTMLElement;
  /** Draws the rows of the current query; resolves once the first screenful is drawn. */
  refresh(): Promise<void>;
  /** Marks the row of the identity whose details are open (null: none). */
  select(id: string | null): void;
}

interface PoolRow {
  node: HTMLElement;
  cells: HTMLElement[];
  row: TableRow | null;
}

/**
 * The searchable, sortable, filterable identity table, virtualised: only the rows in view (and a few around them) exist
 * in the page, recycled as it scrolls, so 100,000 identities scroll as smoothly as 100. Rows come from the data source:
 * all at hand in the report, a page at a time from the dashboard.
 */
export function identityTable(source: DataSource, overview: Overview, state: QueryState, open: (row: TableRow) => void): IdentityTable {
  const view = section('identities', 'Identities', 'Most urgent first. Search by name, UPN, object ID or owner; click a column to sort, a row for its evidence, rhythm, proof and code.');
  const shownColumns = columns(overview);
  const template = shownColumns.map((column) => column.width).join(' ');

  const search = el('input');
  search.id = 'identity-filter';
  search.type = 'search';
  search.placeholder = 'Search by name, UPN, object ID or owner';
  search.autocomplete = 'off';
  search.setAttribute('aria-label', 'Search identities by name, UPN, object ID or owner');
  const classBox = select('class-filter', 'Class', [option('', 'All classes'), ...CLASS_ORDER.map((identityClass) => option(identityClass, CLASS_LABEL[identityClass]))]);
  const verdictBox = select('verdict-filter', 'Verdict', [option('', 'All verdicts'), ...VERDICT_URGENCY.map((verdict) => option(verdict, VERDICT_LABEL[verdict]))]);
  const phaseBox = select('phase-filter', 'Phase', [option('', 'All phases'), ...overview.phases.map(({ phase }) => option(phase ?? NO_VALUE, phaseLabel(phase)))]);
  const ownerBox = select('owner-filter', 'Owner team', [option('', 'All owners'), ...overview.owners.map(({ owner }) => option(owner ?? NO_VALUE, owner ?? 'No owner'))]);
  const dateNote = el('span', 'chip');
  const clear = button('Clear', 'plain');
  clear.id = 'clear-filters';
  const counter = el('span', 'count');
  counter.id = 'identity-count';
  counter.setAttribute('aria-live', 'polite');
  const controls = el('div', 'controls');
  controls.append(search, classBox, verdictBox, phaseBox);
  if (overview.owners.length > 0) controls.append(ownerBox);
  controls.append(dateNote, clear, counter);

  const grid = el('div', 'grid');
  grid.id = 'identity-grid';
  grid.setAttribute('role', 'grid');
  grid.setAttribute('aria-label', 'Identities');
  grid.style.setProperty('--columns', template);
  const head = el('div', 'grid-head');
  head.setAttribute('role', 'row');
  const headers = shownColumns.map((column) => {
    const cell = el('div', column.numeric ? 'cell num' : 'cell');
    cell.setAttribute('role', 'columnheader');
    cell.dataset['column'] = column.key;
    if (column.sort === null) {
      cell.textContent = column.label;
      return { column, cell };
    }
    const sortButton = button(column.label, 'sort');
    cell.setAttribute('aria-sort', 'none');
    cell.dataset['sort'] = column.sort;
    const key = column.sort;
    sortButton.addEventListener('click', () => {
      const query = state.query;
      state.update({ sort: key, descending: query.sort === key ? !query.descending : false });
    });
    cell.append(sortButton);
    return { column, cell };
  });
  head.append(...headers.map(({ cell }) => cell));
  const viewport = el('div', 'grid-viewport');
  viewport.tabIndex = -1;
  const spacer = el('div', 'grid-spacer');
  viewport.append(spacer);
  grid.append(head, viewport);
  const empty = el('p', 'empty', 'No identity matches.');
  empty.hidden = true;
  view.append(controls, grid, empty);

  const pool: PoolRow[] = [];
  let rows: RowSet | null = null;
  let generation = 0;
  let frame = 0;
  let selected: string | null = null;

  function poolRow(at: number): PoolRow {
    const known = pool[at];
    if (known) return known;
    const node = el('div', 'grid-row');
    node.setAttribute('role', 'row');
    node.tabIndex = 0;
    const cells = shownColumns.map((column) => {
      const cell = el('div', column.numeric ? `cell num c-${column.key}` : `cell c-${column.key}`);
      cell.setAttribute('role', 'gridcell');
      return cell;
    });
    node.append(...cells);
    const entry: PoolRow = { node, cells, row: null };
    node.addEventListener('click', () => {
      if (entry.row) open(entry.row);
    });
    node.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && entry.row) {
        event.preventDefault();
        open(entry.row);
      }
    });
    viewport.append(node);
    pool.push(entry);
    return entry;
  }

  function draw(): void {
    frame = 0;
    const set = rows;
    if (set === null) return;
    const height = viewport.clientHeight || 600;
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(set.total, Math.ceil((viewport.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    let missing = false;
    for (let position = first; position < last; position += 1) {
      const slot = poolRow(position - first);
      const row = set.row(position);
      slot.node.hidden = false;
      slot.node.style.transform = `translateY(${position * ROW_HEIGHT}px)`;
      slot.node.setAttribute('aria-rowindex', String(position + 2));
      if (row === undefined) {
        missing = true;
        slot.row = null;
        slot.node.classList.add('loading');
        slot.cells.forEach((cell) => cell.replaceChildren());
        continue;
      }
      slot.node.classList.remove('loading');
      if (slot.row !== row) {
        slot.row = row;
        shownColumns.forEach((column, at) => {
          const cell = slot.cells[at];
          if (cell) column.fill(cell, row);
        });
      }
      slot.node.dataset['id'] = row.id;
      slot.node.setAttribute('aria-selected', String(row.id === selected));
    }
    for (let at = last - first; at < pool.length; at += 1) {
      const slot = pool[at];
      if (slot) {
        slot.node.hidden = true;
        slot.row = null;
      }
    }
    grid.dispatchEvent(new CustomEvent(RENDERED_EVENT, { detail: { first, last, total: set.total } }));
    if (missing) {
      const mine = generation;
      set.load(first, last).then(() => {
        if (mine === generation) schedule();
      }, () => undefined);
    }
  }

  function schedule(): void {
    if (frame === 0) frame = requestAnimationFrame(draw);
  }

  function showQuery(query: TableQuery): void {
    if (search.value.trim() !== query.text.trim()) search.value = query.text;
    classBox.value = query.class;
    verdictBox.value = query.verdict;
    phaseBox.value = query.phase;
    ownerBox.value = query.owner;
    dateNote.textContent = query.breaksOn === '' ? '' : `Breaks on ${query.breaksOn}`;
    dateNote.hidden = query.breaksOn === '';
    for (const { column, cell } of headers) {
      if (column.sort === null) continue;
      cell.setAttribute('aria-sort', query.sort === column.sort ? (query.descending ? 'descending' : 'ascending') : 'none');
    }
  }

  async function refresh(): Promise<void> {
    generation += 1;
    const mine = generation;
    const query = state.query;
    showQuery(query);
    const set = await source.query(query);
    if (mine !== generation) return;
    rows = set;
    for (const slot of pool) slot.row = null;
    spacer.style.height = `${set.total * ROW_HEIGHT}px`;
    grid.setAttribute('aria-rowcount', String(set.total + 1));
    viewport.scrollTop = 0;
    counter.textContent = `${count(set.total)} of ${count(overview.total)} identities`;
    empty.hidden = set.total > 0;
    if (frame !== 0) cancelAnimationFrame(frame);
    draw();
  }

  let typing = 0;
  search.addEventListener('input', () => {
    // The report searches in the page at once; the dashboard asks the server, so it waits for a pause in typing.
    if (!source.live) {
      state.update({ text: search.value });
      return;
    }
    clearTimeout(typing);
    typing = window.setTimeout(() => state.update({ text: search.value }), 150);
  });
  classBox.addEventListener('change', () => state.update({ class: CLASS_ORDER.find((value) => value === classBox.value) ?? '' }));
  verdictBox.addEventListener('change', () => state.update({ verdict: VERDICT_URGENCY.find((value) => value === verdictBox.value) ?? '' }));
  phaseBox.addEventListener('change', () => state.update({ phase: phaseBox.value }));
  ownerBox.addEventListener('change', () => state.update({ owner: ownerBox.value }));
  clear.addEventListener('click', () => state.reset({}, false));
  // Scroll events come once a frame, before it is drawn: the rows are placed at once, not a frame later.
  viewport.addEventListener('scroll', () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    draw();
  }, { passive: true });
  state.onChange(() => {
    void refresh();
  });
  window.addEventListener('resize', schedule);

  return {
    view,
    refresh,
    select(id: string | null): void {
      selected = id;
      schedule();
    },
  };
}
