import { gateJsonReporter } from './gate-json.js';
import { gateMarkdownReporter } from './gate-markdown.js';
import type { GateFormat, GateReporter } from './gate-report-input.js';
import { gateSarifReporter } from './gate-sarif.js';
import { gateTableReporter } from './gate-table.js';

export const GATE_FORMATS: readonly GateFormat[] = ['table', 'markdown', 'sarif', 'json'];

/** `check --format`: one reporter per format. */
export const GATE_REPORTERS: ReadonlyMap<GateFormat, GateReporter> = new Map<GateFormat, GateReporter>([
  ['table', gateTableReporter],
  ['markdown', gateMarkdownReporter],
  ['sarif', gateSarifReporter],
  ['json', gateJsonReporter],
]);
