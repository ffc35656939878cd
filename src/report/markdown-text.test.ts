import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from './markdown-text.js';

describe('markdownText', () => {
  it('keeps hostile names as text in a table cell', () => {
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(markdownText('[click](http://x) | *bold* `code`')).toBe('\\[click\\]\\(http://x\\) \\| \\*bold\\* \\`code\\`');
    expect(markdownText('line one\nline two\u001b[31m')).toBe('line one line two\\u001b\\[31m');
    // A UPN does not mention anyone.
    expect(markdownText('svc@contoso.com')).toBe('svc@\u200bcontoso\\.com');
  });

  it('writes code spans that a backtick or a pipe cannot end early', () => {
    expect(markdownCode('jobs/backup.ps1:12')).toBe('`jobs/backup.ps1:12`');
    expect(markdownCode('a`b|c')).toBe('`` a`b\\|c ``');
  });
});
