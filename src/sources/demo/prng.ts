/**
 * The demo's only source of randomness: a seeded sfc32 generator. Streams are keyed (seed, identity,
 * day…) so one identity's volume never shifts another's numbers, and the same seed gives the same bytes.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Unsigned 32-bit integer. */
  uint32(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max] inclusive. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A GUID (version 4 layout), lowercase. */
  uuid(): string;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** Base64url characters, as Entra writes uniqueTokenIdentifier. */
  base64url(length: number): string;
}

const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function hexByte(byte: number): string {
  return HEX_BYTES[byte & 0xff] ?? '00';
}

/** cyrb128: four 32-bit words from a string key, enough to seed sfc32 without correlated streams. */
function hashKey(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator for the stream named by `keys` (e.g. seed, 'user', 17, 'day', 3). */
export function createRng(...keys: readonly (string | number)[]): Rng {
  let [a, b, c, d] = hashKey(keys.join('\u001f'));
  function uint32(): number {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  }
  for (let i = 0; i < 15; i++) uint32();
  function next(): number {
    return uint32() / 4294967296;
  }
  function int(n: number): number {
    return Math.floor(next() * n);
  }
  function hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const word = uint32();
      out += hexByte(word) + hexByte(word >>> 8) + hexByte(word >>> 16) + hexByte(word >>> 24);
    }
    return out.slice(0, length);
  }
  return {
    next,
    uint32,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    uuid() {
      const h = hex(32);
      const variant = hexByte(0x80 | (Number.parseInt(h.slice(16, 18), 16) & 0x3f));
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
    },
    hex,
    base64url(length) {
      let out = '';
      for (let i = 0; i < length; i++) out += BASE64URL.charAt(uint32() & 63);
      return out;
    },
  };
}

/**
 * A bijection on 64-bit counters (a 4-round Feistel network over two 32-bit halves): distinct counters give
 * distinct outputs, so record IDs built from it are unique by construction yet look random.
 */
export function uniqueIdFactory(seed: number): (counter: number) => string {
  const keys = hashKey(`record-ids\u001f${seed}`);
  function round(half: number, key: number): number {
    let x = Math.imul(half ^ key, 0x9e3779b1);
    x ^= x >>> 15;
    x = Math.imul(x, 0x85ebca6b);
    return (x ^ (x >>> 13)) >>> 0;
  }
  const tail = createRng(seed, 'record-id-tail');
  return (counter) => {
    let left = Math.floor(counter / 4294967296) >>> 0;
    let right = counter >>> 0;
    for (const key of keys) {
      const next = (left ^ round(right, key)) >>> 0;
      left = right;
      right = next;
    }
    const head = left.toString(16).padStart(8, '0') + right.toString(16).padStart(8, '0');
    const rest = tail.hex(16);
    return `${head.slice(0, 8)}-${head.slice(8, 12)}-${head.slice(12, 16)}-${rest.slice(0, 4)}-${rest.slice(4, 16)}`;
  };
}
