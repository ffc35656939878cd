import { describe, expect, it } from 'vitest';
import { unescapeInPlace } from './same-length-unescape.js';

describe('unescapeInPlace', () => {
  it('decodes quotes, backslashes and unicode escapes without moving a character', () => {
    const raw = String.raw`pwsh -Command \"Connect-AzAccount\" \\share \u0041z`;
    const decoded = unescapeInPlace(raw);
    expect(decoded).toBe('pwsh -Command  "Connect-AzAccount "  \\share      Az');
    expect(decoded).toHaveLength(raw.length);
    expect(decoded.indexOf('Connect')).toBe(raw.indexOf('Connect'));
  });

  it('turns an escaped newline into a command separator on the same line', () => {
    expect(unescapeInPlace(String.raw`az login --identity\naz group list`)).toBe('az login --identity; az group list');
  });

  it('leaves a trailing or unknown escape as written', () => {
    expect(unescapeInPlace('a\\q b\\')).toBe('a\\q b\\');
  });
});
