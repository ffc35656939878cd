/**
 * `npm run build`, after tsc: bundles the front end (web/) into dist/web/app.js and app.css, which the report and the
 * dashboard inline (src/report/html/web-assets.ts). esbuild and ECharts are needed here only, not where dist/ runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWeb } from '../src/report/html/bundle-web.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
mkdirSync(out, { recursive: true });
const { script, styles } = bundleWeb();
writeFileSync(join(out, 'app.js'), script);
writeFileSync(join(out, 'app.css'), styles);
process.stdout.write(`dist/web/app.js ${script.length.toLocaleString('en-US')} bytes, app.css ${styles.length.toLocaleString('en-US')} bytes\n`);
