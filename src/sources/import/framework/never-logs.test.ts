import { describe, expect, it } from 'vitest';
import { skipReason } from './never-logs.js';

describe('skipReason: what a folder walk leaves out by name', () => {
  it('skips documentation, licences, images and Finder or git metadata', () => {
    const names = ['README.md', 'notes.TXT', 'LICENSE', 'LICENSE-Apache-2.0.txt', 'License.md', 'LICENCE', 'logo.png', 'a.JPG', 'b.jpeg', 'c.gif', 'd.svg', 'e.webp', 'favicon.ico', '.DS_Store', '.env'];
    expect(names.map((name) => skipReason(name, false))).toEqual([
      'Markdown text', 'plain text', 'a licence', 'a licence', 'a licence', 'a licence',
      'an image', 'an image', 'an image', 'an image', 'an image', 'an image', 'an image',
      'Finder metadata', 'a hidden file',
    ]);
    expect([skipReason('.git', true), skipReason('.cache', true)]).toEqual(['a git folder', 'a hidden folder']);
  });

  it('keeps anything that may be data, including names that merely start like a licence', () => {
    const names = ['PT1H.json', 'sign_in_logs.jsonl', 'InteractiveSignIns_2026.csv', 'blob.gz', 'readme.json', 'licensed-users.csv', 'export', 'notes.txt.gz'];
    expect(names.map((name) => skipReason(name, false))).toEqual([null, null, null, null, null, null, null, null]);
    expect([skipReason('docs', true), skipReason('insights-logs-signinlogs', true), skipReason('README.md', true)]).toEqual([null, null, null]);
  });
});
