/**
 * The byte-level prefilter: one pass of one regular expression over the file's bytes, lower-cased as
 * latin1 (ASCII triggers match whatever the encoding), tells which trigger words occur. A file with none
 * is never decoded or parsed.
 */
export interface Prefilter {
  /** Trigger words found in `lowered` (the file lower-cased); empty for nearly every file. */
  match(lowered: string): ReadonlySet<string>;
  readonly triggers: readonly string[];
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function createPrefilter(words: Iterable<string>): Prefilter {
  const triggers = [...new Set([...words].map((word) => word.toLowerCase()).filter((word) => word.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (triggers.length === 0) return { triggers, match: () => new Set() };
  const pattern = new RegExp(triggers.map(escape).join('|'), 'gu');
  // The regex reports the longest word at a position; a shorter trigger inside it occurs there too.
  const contained = new Map(triggers.map((word) => [word, triggers.filter((other) => word.includes(other))]));
  return {
    triggers,
    match(lowered) {
      const found = new Set<string>();
      pattern.lastIndex = 0;
      for (let hit = pattern.exec(lowered); hit !== null; hit = pattern.exec(lowered)) {
        for (const word of contained.get(hit[0]) ?? [hit[0]]) found.add(word);
        if (found.size === triggers.length) break;
      }
      return found;
    },
  };
}

/** Lower-cases file bytes for the prefilter without decoding them as UTF-8 (latin1 is one byte per char). */
export function lowerBytes(bytes: Buffer): string {
  return bytes.toString('latin1').toLowerCase();
}
