import type { IdentityClass, Verdict } from '../../../src/model/analysis.js';
import { CLASS_ORDER, VERDICT_URGENCY } from '../../../src/report/presentation.js';
import type { Overview } from '../../../src/report/view-model/view-types.js';
import { numberField } from '../charts/chart-params.js';
import { createChart, cssColour, TOOLTIP_BASE, tooltipBody } from '../charts/echarts-setup.js';
import { el, section } from '../dom.js';
import { CLASS_LABEL, count, VERDICT_LABEL } from '../format.js';
import type { QueryState } from '../query-state.js';


/** Class × verdict counts; a non-zero cell filters the table to that pair. */
function matrix(overview: Overview, classes: readonly IdentityClass[], state: QueryState): HTMLElement {
  const table = el('table', 'matrix');
  const head = el('tr');
  head.append(el('th', null, 'Class'), ...VERDICT_URGENCY.map((verdict) => el('th', 'num', VERDICT_LABEL[verdict])), el('th', 'num', 'Total'));
  const body = el('tbody');
  for (const identityClass of classes) {
    const row = el('tr');
    row.append(el('td', null, CLASS_LABEL[identityClass]));
    for (const verdict of VERDICT_URGENCY) {
      const n = overview.matrix[identityClass][verdict];
      const cell = el('td', n === 0 ? 'num zero' : 'num', count(n));
      if (n > 0) {
        cell.dataset['class'] = identityClass;
        cell.dataset['verdict'] = verdict;
        cell.tabIndex = 0;
        const pick = (): void => state.reset({ class: identityClass, verdict });
        cell.addEventListener('click', pick);
        cell.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            pick();
          }
        });
      }
      row.append(cell);
    }
    row.append(el('td', 'num', count(overview.byClass[identityClass])));
    body.append(row);
  }
  const total = el('tr', 'total');
  total.append(el('td', null, 'All'), ...VERDICT_URGENCY.map((verdict) => el('td', 'num', count(overview.byVerdict[verdict]))), el('td', 'num', count(overview.total)));
  body.append(total);
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  return table;
}

/** Verdict mix per class as 100 % stacked bars (15 service accounts stay readable beside 90,000 people), then the counts. */
export function classVerdictView(overview: Overview, state: QueryState): { view: HTMLElement; draw: () => void } {
  const view = section('classes', 'Class × verdict', 'Each bar is 100 % of its class; the table has the counts. Click a bar or a cell to list those identities.');
  const classes = CLASS_ORDER.filter((identityClass) => overview.byClass[identityClass] > 0);
  const canvas = el('div', 'chart-box class-chart');
  view.append(canvas, matrix(overview, classes, state));
  let chart: ReturnType<typeof createChart> | null = null;
  function draw(): void {
    if (classes.length === 0) return;
    chart ??= createChart(canvas);
    const shown = [...classes].reverse();
    const share = (identityClass: IdentityClass, verdict: Verdict): number => {
      const total = overview.byClass[identityClass];
      return total === 0 ? 0 : Math.round((overview.matrix[identityClass][verdict] / total) * 1000) / 10;
    };
    chart.setOption({
      animation: false,
      grid: { left: 130, right: 16, top: 30, bottom: 8 },
      legend: { top: 0, data: VERDICT_URGENCY.map((verdict) => VERDICT_LABEL[verdict]) },
      tooltip: {
        ...TOOLTIP_BASE,
        trigger: 'item',
        formatter: (params: unknown) => {
          const verdict = VERDICT_URGENCY[numberField(params, 'seriesIndex') ?? -1];
          const identityClass = shown[numberField(params, 'dataIndex') ?? -1];
          if (verdict === undefined || identityClass === undefined) return '';
          return tooltipBody(`${CLASS_LABEL[identityClass]} · ${VERDICT_LABEL[verdict]}`, [
            ['Identities', count(overview.matrix[identityClass][verdict])],
            ['Share of the class', `${share(identityClass, verdict)} %`],
          ]);
        },
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: shown.map((identityClass) => `${CLASS_LABEL[identityClass]} (${count(overview.byClass[identityClass])})`) },
      series: VERDICT_URGENCY.map((verdict) => ({
        type: 'bar' as const,
        name: VERDICT_LABEL[verdict],
        stack: 'share',
        barMaxWidth: 22,
        itemStyle: { color: cssColour(verdict) },
        data: shown.map((identityClass) => share(identityClass, verdict)),
      })),
    });
    chart.on('click', (params: unknown) => {
      const verdict = VERDICT_URGENCY[numberField(params, 'seriesIndex') ?? -1];
      const identityClass = shown[numberField(params, 'dataIndex') ?? -1];
      if (verdict !== undefined && identityClass !== undefined) state.reset({ class: identityClass, verdict });
    });
  }
  return { view, draw };
}
