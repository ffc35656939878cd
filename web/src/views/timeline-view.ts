import type { Overview, TimelineBar } from '../../../src/report/view-model/view-types.js';
import { numberField } from '../charts/chart-params.js';
import { createChart, cssColour, TOOLTIP_BASE, tooltipBody } from '../charts/echarts-setup.js';
import { el, section, visible } from '../dom.js';
import { count, phaseLabel } from '../format.js';
import type { QueryState } from '../query-state.js';

const NOW = 'Broken now';
type Scope = 'all' | 'service-account';

/** Mandatory phases first, then what-if policies by id, then verdicts that name no phase. */
function phaseOrder(a: string, b: string): number {
  const rank = (phase: string): number => (phase === 'phase1' ? 0 : phase === 'phase2' ? 1 : phase === '' ? 3 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const POLICY_COLOURS = ['#7a5af8', '#0ba5ec', '#ee46bc', '#66c61c', '#f79009'];

function phaseColour(phase: string, policyIndex: number): string {
  if (phase === 'phase1') return cssColour('phase1');
  if (phase === 'phase2') return cssColour('phase2');
  if (phase === '') return cssColour('not-affected');
  return POLICY_COLOURS[policyIndex % POLICY_COLOURS.length] ?? '#7a5af8';
}

function inScope(bar: TimelineBar, scope: Scope): boolean {
  return scope === 'all' || bar.class === scope;
}

/** The timeline of breakpoints: bars by date, stacked by the phase (or what-if policy) that decides them. */
export function timelineView(overview: Overview, state: QueryState): { view: HTMLElement; draw: () => void } {
  const view = section('timeline', 'What breaks when', 'Identities failing now, then those that break on each enforcement date, by the phase or what-if policy that decides it. Click a bar to list them.');
  if (overview.timeline.length === 0) {
    view.append(el('p', 'empty', 'No identity is broken or scheduled to break.'));
    return { view, draw: () => undefined };
  }
  const scopeBox = el('select');
  scopeBox.setAttribute('aria-label', 'Which identities the timeline counts');
  for (const [value, label] of [['all', 'All identities'], ['service-account', 'Service accounts']] as const) {
    const option = el('option', null, label);
    option.value = value;
    scopeBox.append(option);
  }
  const controls = el('div', 'controls');
  controls.append(scopeBox);
  const canvas = el('div', 'chart-box timeline-chart');
  const table = el('table', 'timeline-table');
  view.append(controls, canvas, table);

  const dates = [...new Set(overview.timeline.map((bar) => bar.date))].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const phases = [...new Set(overview.timeline.map((bar) => bar.phase))].sort(phaseOrder);
  const categories = dates.map((date) => date ?? NOW);

  function totals(scope: Scope): Map<string, number> {
    const sums = new Map<string, number>();
    for (const bar of overview.timeline) {
      if (!inScope(bar, scope)) continue;
      const key = `${bar.date ?? ''}|${bar.phase}`;
      sums.set(key, (sums.get(key) ?? 0) + bar.count);
    }
    return sums;
  }

  function fillTable(): void {
    const all = totals('all');
    const accounts = totals('service-account');
    const head = el('tr');
    head.append(el('th', null, 'When'), el('th', null, 'Phase'), el('th', 'num', 'Service accounts'), el('th', 'num', 'All identities'));
    const body = el('tbody');
    for (const date of dates) {
      for (const phase of phases) {
        const key = `${date ?? ''}|${phase}`;
        const total = all.get(key) ?? 0;
        if (total === 0) continue;
        const row = el('tr');
        row.dataset['date'] = date ?? '';
        row.dataset['phase'] = phase;
        row.append(el('td', null, date ?? NOW), el('td', null, phaseLabel(phase)), el('td', 'num', count(accounts.get(key) ?? 0)), el('td', 'num', count(total)));
        body.append(row);
      }
    }
    const thead = el('thead');
    thead.append(head);
    table.replaceChildren(thead, body);
  }

  let chart: ReturnType<typeof createChart> | null = null;
  function draw(): void {
    chart ??= createChart(canvas);
    const scope = scopeBox.value === 'service-account' ? 'service-account' : 'all';
    const sums = totals(scope);
    let policyIndex = 0;
    const series = phases.map((phase) => ({
      type: 'bar' as const,
      name: visible(phaseLabel(phase)),
      stack: 'phases',
      barMaxWidth: 56,
      itemStyle: { color: phaseColour(phase, phase.startsWith('policy:') ? policyIndex++ : 0) },
      data: dates.map((date) => sums.get(`${date ?? ''}|${phase}`) ?? 0),
    }));
    chart.setOption(
      {
        animation: false,
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        legend: { top: 0, data: series.map((item) => item.name) },
        tooltip: {
          ...TOOLTIP_BASE,
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: unknown) => {
            const list = Array.isArray(params) ? params : [params];
            const at = list.map(dataIndexOf).find((index) => index !== null) ?? 0;
            const lines: [string, string][] = [];
            for (const phase of phases) {
              const n = sums.get(`${dates[at] ?? ''}|${phase}`) ?? 0;
              if (n > 0) lines.push([phaseLabel(phase), count(n)]);
            }
            return tooltipBody(categories[at] ?? '', lines);
          },
        },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', minInterval: 1 },
        series,
      },
      { notMerge: true },
    );
    chart.off('click');
    chart.on('click', (params: unknown) => {
      const at = dataIndexOf(params);
      const phase = phases[seriesIndexOf(params) ?? -1];
      if (at === null || phase === undefined) return;
      const date = dates[at] ?? null;
      state.reset({ verdict: date === null ? 'broken' : 'breaks', breaksOn: date ?? '', phase, class: scope === 'all' ? '' : scope });
    });
  }
  scopeBox.addEventListener('change', draw);
  fillTable();
  return { view, draw };
}


function dataIndexOf(params: unknown): number | null {
  return numberField(params, 'dataIndex');
}

function seriesIndexOf(params: unknown): number | null {
  return numberField(params, 'seriesIndex');
}
