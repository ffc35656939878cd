import { readFileSync, writeFileSync } from 'node:fs';
import { SECURITY_MD, readResultsFiles, renderResultsTable, withResultsTable } from '../test/adversarial/results-table.js';

/**
 * Rewrites the table of inputs tried and faults injected in SECURITY.md from test/adversarial/results/*.json, which the
 * adversarial suites write. `--check` changes nothing and exits 1 when SECURITY.md is not what the results say.
 */
const check = process.argv.includes('--check');
const current = readFileSync(SECURITY_MD, 'utf8');
const next = withResultsTable(current, renderResultsTable(readResultsFiles()));
if (check) {
  if (next !== current) {
    console.error('SECURITY.md: the adversarial results table is out of date; run npm run security:table and commit it');
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(SECURITY_MD, next);
  console.log('SECURITY.md: results table updated');
}
