/**
 * Apache ECharts, modular: only the bar and heatmap charts, the grid, tooltip, legend and visual map, and the canvas
 * renderer are bundled (about 570 KB minified, against 1.1 MB for the whole library). Canvas, not SVG: the SVG
 * renderer writes style attributes, which the page's CSP refuses; a canvas has none.
 */
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { el } from '../dom.js';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type Chart = echarts.ECharts;

const charts = new Set<Chart>();

export function createChart(container: HTMLElement): Chart {
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  charts.add(chart);
  return chart;
}

export function disposeChart(chart: Chart): void {
  charts.delete(chart);
  chart.dispose();
}

/** A colour the stylesheet defines (one palette for badges, bars and cells). */
export function cssColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#667085';
}

/**
 * Tooltip settings every chart shares: content built as DOM nodes with textContent (a string would go through
 * innerHTML, and team or policy names are tenant text), confined to the chart, which also keeps ECharts from adding
 * its arrow, markup with a style attribute the CSP would refuse.
 */
export const TOOLTIP_BASE = { confine: true, transitionDuration: 0, className: 'chart-tip' } as const;

/** A tooltip body: a title line and label/value lines. */
export function tooltipBody(title: string, lines: readonly (readonly [string, string])[]): HTMLElement {
  const body = el('div');
  body.append(el('div', 'tip-title', title));
  for (const [label, value] of lines) {
    const line = el('div', 'tip-line');
    line.append(el('span', null, label), el('strong', null, value));
    body.append(line);
  }
  return body;
}

window.addEventListener('resize', () => {
  for (const chart of charts) chart.resize();
});
