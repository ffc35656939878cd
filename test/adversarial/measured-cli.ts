// Runs the CLI from source like test/fixtures/import/run-cli.ts, and on exit writes its own peak memory and run time
// to the file named by UNATTENDED_MEASURE_FILE: the adversarial suites bound what a hostile input may cost.
import { writeFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';

const started = performance.now();
const measureFile = process.env['UNATTENDED_MEASURE_FILE'];
process.on('exit', () => {
  if (measureFile) writeFileSync(measureFile, JSON.stringify({ maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), seconds: (performance.now() - started) / 1000 }));
});
await main(process.argv);
