import { describe, expect, it } from 'vitest';
import { parseJsonFirstKeyWins } from './first-key-wins.js';

describe('parseJsonFirstKeyWins', () => {
  it('keeps the first of duplicate keys at any depth, as DuckDB does', () => {
    expect(parseJsonFirstKeyWins('{"a": 1, "b": {"c": "first", "c": "last"}, "a": 2}')).toEqual({ a: 1, b: { c: 'first' } });
    expect(parseJsonFirstKeyWins('[{"x": [1], "x": [2]}, {"x": 3}]')).toEqual([{ x: [1] }, { x: 3 }]);
  });

  it('returns what JSON.parse returns when no key repeats, colons in strings and escaped quotes included', () => {
    const text = String.raw`{"url": "https://a:443/\":x", "t": "10:00", "n": [1, {"k": null}], "__proto__": {"polluted": true}}`;
    expect(parseJsonFirstKeyWins(text)).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parseJsonFirstKeyWins(text))).toBe(Object.prototype);
  });

  it('makes "__proto__" an own property when it repeats, never the prototype', () => {
    const value = parseJsonFirstKeyWins('{"__proto__": {"polluted": true}, "__proto__": 1}');
    expect(Object.getOwnPropertyNames(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('throws JSON.parse errors for invalid JSON and refuses a deep document with a duplicate key', () => {
    expect(() => parseJsonFirstKeyWins('{"a": 1,')).toThrow(SyntaxError);
    const deep = `${'['.repeat(50_000)}{"a":1,"a":2}${']'.repeat(50_000)}`;
    expect(() => parseJsonFirstKeyWins(deep)).toThrow('nested too deeply to read its duplicate keys');
    expect(parseJsonFirstKeyWins(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)).toBeInstanceOf(Array);
  });
});
