import { describe, expect, it } from 'vitest';
import { jsonInScript } from './json-in-script.js';

describe('jsonInScript', () => {
  it('escapes < > & U+2028 U+2029 so a string cannot close the script block', () => {
    const text = jsonInScript({ name: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028\u2029' });
    expect(text).toBe(String.raw`{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e","amp":"a\u0026b","ls":"\u2028\u2029"}`);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/u);
  });

  it('parses back to the same value', () => {
    const value = { names: ['<img src=x onerror=alert(1)>', '"quoted, comma"', '\u001b[31mred', 'x\u2028y'] };
    expect(JSON.parse(jsonInScript(value))).toEqual(value);
  });
});
