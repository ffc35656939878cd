import { describe, expect, it } from 'vitest';
import { createRng, uniqueIdFactory } from './prng.js';

describe('createRng', () => {
  it('gives the same stream for the same keys and a different one for other keys', () => {
    const a = createRng(1, 'user', 3);
    const b = createRng(1, 'user', 3);
    const c = createRng(1, 'user', 4);
    const first = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(first);
  });

  it('stays in range', () => {
    const rng = createRng('range');
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.between(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });

  it('writes version-4 GUIDs and base64url tokens', () => {
    const rng = createRng('formats');
    for (let i = 0; i < 100; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
      expect(rng.base64url(22)).toMatch(/^[A-Za-z0-9_-]{22}$/u);
    }
    expect(rng.hex(40)).toHaveLength(40);
  });
});

describe('uniqueIdFactory', () => {
  it('never repeats an ID across 200,000 counters and is stable per seed', () => {
    const ids = uniqueIdFactory(7);
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(ids(i).slice(0, 18));
    expect(seen.size).toBe(200_000);
    expect(uniqueIdFactory(7)(42)).toBe(uniqueIdFactory(7)(42));
    expect(uniqueIdFactory(8)(42)).not.toBe(uniqueIdFactory(7)(42));
    expect(ids(5)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);
  });
});
