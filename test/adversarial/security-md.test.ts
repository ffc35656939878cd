import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_GAP } from './record-results.js';
import { SECURITY_MD, readResultsFiles, renderResultsTable, withResultsTable } from './results-table.js';

describe('SECURITY.md', () => {
  const files = readResultsFiles();

  it('shows exactly the table the adversarial suites recorded (npm run security:table)', () => {
    const markdown = readFileSync(SECURITY_MD, 'utf8');
    expect(markdown).toBe(withResultsTable(markdown, renderResultsTable(files)));
  });

  it('records no failed case: every row passed all of its cases, or is a declared known gap', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    const failed = files.flatMap(({ file, results }) => results.rows.filter((row) => row.passed !== row.cases && !row.result.startsWith(KNOWN_GAP)).map((row) => `${file}: ${row.input} — ${row.fault}`));
    expect(failed).toEqual([]);
  });

  it('renders a pipe or a line break in a result as text, not as a new cell or row', () => {
    const table = renderResultsTable([{ file: 'x.json', results: { suite: 's|t', rows: [{ input: 'a|b', fault: 'c\nd', cases: 2, passed: 1, result: 'e' }] } }]);
    expect(table.split('\n')).toEqual(['| suite | input | fault | cases | passed | result |', '|---|---|---|---:|---:|---|', '| s\\|t | a\\|b | c d | 2 | 1 | e |', '| **total** | 1 suites | | **2** | **1** | |']);
  });
});
