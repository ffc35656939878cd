/** A file's bytes, whole or as parts written one after the other (a report of 100,000 identities is never one string). */
export type ReportBytes = Uint8Array | string | Iterable<Uint8Array | string>;

/** Parts made afresh by `parts` each time they are walked (a generator object alone can be walked once). */
export function partsOf(parts: () => Iterable<Uint8Array | string>): Iterable<Uint8Array | string> {
  return { [Symbol.iterator]: () => parts()[Symbol.iterator]() };
}
