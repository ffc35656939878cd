import { z } from 'zod';
import { ApiError } from '../../../errors.js';
import type { ApiClient, ApiRequest, ApiResponse } from './api-client.js';

/**
 * Following a collection's pages: Graph's `@odata.nextLink` / `@odata.deltaLink`, ARM's `nextLink`, Resource Graph's
 * `$skipToken`. Links are followed as they are (they carry the service's own skip tokens). A link already followed in
 * this walk is a loop: it would never end, so it is a NextLinkLoop error instead.
 */
const pageSchema = z.looseObject({
  value: z.array(z.unknown()).optional(),
  data: z.array(z.unknown()).optional(),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
  nextLink: z.string().nullable().optional(),
  $skipToken: z.string().optional(),
});

export interface Page {
  /** The records of this page. */
  records: unknown[];
  /** The link to the next page, null on the last. */
  nextLink: string | null;
  /** A delta query's link for the next run, on its last page. */
  deltaLink: string | null;
  /** Resource Graph's continuation token (its next page is a POST with the token in the body). */
  skipToken: string | null;
  bytes: number;
}

export function readPage(json: unknown, what: string): Page {
  const parsed = pageSchema.safeParse(json);
  if (!parsed.success) throw new ApiError('UnexpectedResponse', `${what}: a page that is not a collection (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  const page = parsed.data;
  const records = page.value ?? page.data;
  if (records === undefined) throw new ApiError('UnexpectedResponse', `${what}: a page with no value array`);
  return {
    records,
    nextLink: page['@odata.nextLink'] ?? page.nextLink ?? null,
    deltaLink: page['@odata.deltaLink'] ?? null,
    skipToken: page.$skipToken ?? null,
    bytes: 0,
  };
}

/** Remembers the links followed in one walk of a collection. */
export class LinkGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly what: string) {}

  follow(link: string): void {
    if (this.seen.has(link)) {
      throw new ApiError('NextLinkLoop', `${this.what}: the service sent back a next link already followed (after ${this.seen.size} pages)`, 'the collection is recorded as incomplete; report it if it persists');
    }
    this.seen.add(link);
  }
}

/**
 * The pages of a GET collection starting at `request.url` (or at `resumeFrom`, a nextLink saved by an earlier run, whose
 * response the caller may already hold). Pages come one at a time: the caller stores one before the next is fetched.
 */
export async function* getPages(client: ApiClient, request: ApiRequest, resumeFrom: string | null = null, firstResponse: ApiResponse | null = null): AsyncGenerator<Page> {
  const guard = new LinkGuard(request.what);
  let url: string | null = resumeFrom ?? request.url;
  guard.follow(url);
  let held = firstResponse;
  while (url !== null) {
    const response = held ?? (await client.request({ ...request, url }));
    held = null;
    const page = readPage(response.json, request.what);
    page.bytes = response.bytes;
    yield page;
    url = page.nextLink;
    if (url !== null) guard.follow(url);
  }
}
