import { DETAIL_BLOCK, DETAIL_CHUNK, OVERVIEW_BLOCK, TABLE_BLOCK } from '../view-model/embedded-format.js';
import { detailOf } from '../view-model/identity-views.js';
import { OverviewBuilder } from '../view-model/overview-builder.js';
import { partsOf, type ReportFile, type ReportInput } from '../report-input.js';
import { DetailChunks } from './detail-chunks.js';
import { gzipBase64 } from './gzip-base64.js';
import { jsonInScript } from './json-in-script.js';
import { appScript, pageEnd, pageStart } from './page-shell.js';
import { TableColumns } from './table-columns.js';
import { webAssets, type WebAssets } from './web-assets.js';

export const REPORT_HTML = 'report.html';

/**
 * report.html part by part, in one pass over the identities: each identity's details go into the current chunk, which
 * is compressed as soon as it is full (about 76 bytes an identity are kept); the table's columns (a few bytes per
 * identity) and the overview's counts are written once every identity is counted. Then the script, and after it the
 * details: the browser runs the script, which draws every view from the blocks above it
 * (web/src/data/embedded-source.ts), while it is still parsing the details (most of the file), which nothing needs
 * until an identity is opened. The page loads nothing.
 */
export function* reportHtmlParts(input: ReportInput, assets: WebAssets = webAssets()): Iterable<string> {
  const title = `unattended report · ${input.analysis.tenantId ?? 'tenant'} · ${input.analysis.asOf.slice(0, 10)}`;
  yield pageStart(title, assets, 'report');
  const table = new TableColumns();
  const overview = new OverviewBuilder(input.scanFindings);
  const chunks = new DetailChunks();
  const encoded: string[] = [];
  let index = 0;
  for (const entry of input.identities.entries()) {
    const detail = detailOf(entry.identity(), index, entry.hourOfWeek());
    table.add(detail);
    overview.add(detail);
    const chunk = chunks.add(detail);
    if (chunk !== null) encoded.push(chunk);
    index += 1;
  }
  const last = chunks.finish();
  if (last !== null) encoded.push(last);
  yield `<script type="text/plain" id="${TABLE_BLOCK}">${gzipBase64(JSON.stringify(table.finish()))}</script>\n`;
  const { summary: _summary, ...head } = input.analysis;
  yield `<script type="application/json" id="${OVERVIEW_BLOCK}">${jsonInScript(overview.finish(head, input.imports, input.generatedAt))}</script>\n`;
  yield appScript(assets);
  yield `<script type="text/plain" id="${DETAIL_BLOCK}" data-chunk="${DETAIL_CHUNK}">`;
  for (const chunk of encoded) yield `${chunk}\n`;
  yield `</script>\n`;
  yield pageEnd();
}

/** The whole page as one string (tests, small tenants). */
export function renderHtml(input: ReportInput, assets?: WebAssets): string {
  return [...reportHtmlParts(input, assets)].join('');
}

export function htmlReporter(input: ReportInput): ReportFile[] {
  return [{ fileName: REPORT_HTML, bytes: partsOf(() => reportHtmlParts(input)) }];
}
