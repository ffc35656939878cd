import { DETAIL_CHUNK, type EmbeddedDetail, type EmbeddedDetailChunk, type EmbeddedFacts } from '../view-model/embedded-format.js';
import type { IdentityDetail, KeyValue } from '../view-model/view-types.js';
import { gzipBase64 } from './gzip-base64.js';

/** The texts of one chunk, each stored once. */
class ChunkTexts {
  readonly texts: string[] = [];
  private readonly positions = new Map<string, number>();

  at(text: string): number {
    let position = this.positions.get(text);
    if (position === undefined) {
      position = this.texts.length;
      this.positions.set(text, position);
      this.texts.push(text);
    }
    return position;
  }

  facts(facts: readonly KeyValue[] | null): EmbeddedFacts {
    return facts === null ? null : facts.map(([key, value]) => [this.at(key), this.at(value)]);
  }
}

function embedded(detail: IdentityDetail, texts: ChunkTexts): EmbeddedDetail {
  return [
    detail.evidence.map((item) => [texts.at(item.signal), texts.at(item.detail), item.weight]),
    detail.reasons.map((reason) => texts.at(reason)),
    detail.automationLinks.map((link) => [texts.at(link.file), link.line, texts.at(link.authMethod)]),
    texts.at(detail.why),
    detail.hourOfWeek,
    texts.facts(detail.plan),
    texts.facts(detail.ownerDetail),
    texts.facts(detail.exceptionDetail),
  ];
}

/**
 * Details in the contract's order, DETAIL_CHUNK at a time: each full chunk is encoded (gzip, base64) as soon as it is
 * complete and handed back, so no more than one chunk of details is ever held.
 */
export class DetailChunks {
  private texts = new ChunkTexts();
  private details: EmbeddedDetail[] = [];

  /** Where the next detail goes in the chunk being filled. */
  get position(): number {
    return this.details.length;
  }

  /** Adds a detail; returns the encoded chunk it completed, if it did. */
  add(detail: IdentityDetail): string | null {
    this.details.push(embedded(detail, this.texts));
    return this.details.length === DETAIL_CHUNK ? this.flush() : null;
  }

  /** The last, partial chunk (null when there is none). */
  finish(): string | null {
    return this.details.length > 0 ? this.flush() : null;
  }

  private flush(): string {
    const chunk: EmbeddedDetailChunk = { texts: this.texts.texts, details: this.details };
    this.texts = new ChunkTexts();
    this.details = [];
    return gzipBase64(JSON.stringify(chunk));
  }
}
