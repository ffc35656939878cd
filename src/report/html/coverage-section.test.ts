import { describe, expect, it } from 'vitest';
import { commonFolder, renderCoverage } from './coverage-section.js';

describe('commonFolder', () => {
  it('is the shared folder through its last separator', () => {
    expect(commonFolder(['/data/x/SignInLogs/h=01.json', '/data/x/AuditLogs/h=01.json'])).toBe('/data/x/');
    expect(commonFolder(['C:\\exports\\a.json', 'C:\\exports\\b.json'])).toBe('C:\\exports\\');
    expect(commonFolder(['a.json', 'b.json'])).toBe('');
    expect(commonFolder(['/only/one.json'])).toBe('/only/');
    expect(commonFolder([])).toBe('');
  });
});

describe('renderCoverage', () => {
  it('totals per format and lists every batch below the shared folder, marking quarantines', () => {
    const html = renderCoverage([
      { file: '/x/signins/h1.json', format: 'diagnostic-jsonl', read: 10, stored: 9, duplicates: 1, quarantined: 0 },
      { file: '/x/signins/h2.json', format: 'diagnostic-jsonl', read: 5, stored: 3, duplicates: 0, quarantined: 2 },
      { file: '/x/users.json', format: 'graph-json', read: 1200, stored: 1200, duplicates: 0, quarantined: 0 },
    ]);
    expect(html).toContain('<p class="lead">3 batches: 1,215 records read, 1,212 stored, 1 duplicates, 2 quarantined.</p>');
    expect(html).toContain('<tr><td>diagnostic-jsonl</td><td class="num">2</td><td class="num">15</td><td class="num">12</td><td class="num">1</td><td class="num">2</td></tr>');
    expect(html).toContain('<tr><td>graph-json</td><td class="num">1</td><td class="num">1,200</td><td class="num">1,200</td><td class="num">0</td><td class="num">0</td></tr>');
    expect(html).toContain('<summary>Every batch under <code>/x/</code></summary>');
    expect(html).toContain('<tr class="warn"><td class="mono">signins/h2.json</td>');
    expect(html.match(/<tr(?: class="warn")?><td class="mono">/gu)).toHaveLength(3);
  });
});
