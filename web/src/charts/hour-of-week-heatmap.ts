import { numberField } from './chart-params.js';
import { createChart, cssColour, TOOLTIP_BASE, tooltipBody, type Chart } from './echarts-setup.js';
import { count, plural } from '../format.js';

/** Monday first, as the features count the week (hour 0 is Monday 00:00 UTC). */
export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

/** [hour, day, sign-ins] per cell, the heatmap's data. */
export function heatmapCells(hourOfWeek: readonly number[]): [number, number, number][] {
  return hourOfWeek.map((signIns, at) => [at % 24, Math.floor(at / 24), signIns]);
}

/**
 * An identity's sign-ins by hour of the week, UTC: office hours on weekdays read as a person, a full grid or one
 * column every day as a schedule.
 */
export function drawHeatmap(container: HTMLElement, hourOfWeek: readonly number[]): Chart {
  const chart = createChart(container);
  const cells = heatmapCells(hourOfWeek);
  const max = Math.max(1, ...hourOfWeek);
  chart.setOption({
    animation: false,
    grid: { left: 40, right: 8, top: 8, bottom: 56 },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params: unknown) => {
        const at = numberField(params, 'dataIndex') ?? 0;
        const [hour, day, signIns] = cells[at] ?? [0, 0, 0];
        return tooltipBody(`${DAYS[day] ?? ''} ${HOURS[hour] ?? ''}:00–${HOURS[(hour + 1) % 24] ?? ''}:00 UTC`, [['Sign-ins', count(signIns)]]);
      },
    },
    xAxis: { type: 'category', data: HOURS, splitArea: { show: true }, axisLabel: { interval: 2 } },
    yAxis: { type: 'category', data: [...DAYS], inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      text: [plural(max, 'sign-in', 'sign-ins'), '0'],
      inRange: { color: ['#f2f4f7', cssColour('accent')] },
    },
    series: [{ type: 'heatmap', name: 'Sign-ins', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1 }, emphasis: { itemStyle: { borderColor: '#101828' } } }],
  });
  return chart;
}
