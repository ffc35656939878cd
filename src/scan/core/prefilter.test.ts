import { describe, expect, it } from 'vitest';
import { createPrefilter, lowerBytes } from './prefilter.js';

describe('createPrefilter', () => {
  it('reports every trigger word present, including shorter words inside longer ones', () => {
    const prefilter = createPrefilter(['Connect-', 'connect-azaccount', 'az login', 'terraform']);
    const text = lowerBytes(Buffer.from('x = 1\nConnect-AzAccount -Credential $c\nAZ LOGIN -u a\n'));
    expect([...prefilter.match(text)].sort()).toEqual(['az login', 'connect-', 'connect-azaccount']);
    expect(prefilter.match('nothing to see').size).toBe(0);
  });

  it('matches ASCII triggers inside non-UTF-8 bytes', () => {
    const prefilter = createPrefilter(['az login']);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from(' az login')]);
    expect(prefilter.match(lowerBytes(bytes)).has('az login')).toBe(true);
  });
});
