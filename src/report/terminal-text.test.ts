import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-text.js';

describe('terminalSafe', () => {
  it('makes escape sequences, newlines and bidi overrides visible', () => {
    expect(terminalSafe('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(terminalSafe('a\nb\rc\u0007')).toBe('a\\nb\\u000dc\\u0007');
    expect(terminalSafe('evil\u202egnp.exe')).toBe('evil\\u202egnp.exe');
    expect(terminalSafe('Zoë Müller <z@x>')).toBe('Zoë Müller <z@x>');
  });
});
