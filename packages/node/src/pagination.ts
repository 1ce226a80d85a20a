/**
 * What a list call returns, as stripe-node's: a promise of the first page that is also an async iterable
 * over every object of every page (`for await (const p of soxara.payments.list())`), fetching the next
 * page only when the loop reaches it. It pages older with `starting_after`, or newer with `ending_before`
 * when the first call was given one, as Stripe's auto-pagination does.
 */
import type { ListResult } from './client.ts';

export interface PageParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

export interface AutoPagingToArrayOptions {
  /** Stop after this many objects (required, so a loop over a large account cannot run away). */
  limit: number;
}

export interface ListPromise<T> extends Promise<ListResult<T>>, AsyncIterable<T> {
  /** Every object, page after page, until `limit` objects (at most 10,000). */
  autoPagingToArray(options: AutoPagingToArrayOptions): Promise<T[]>;
}

const MAX_TO_ARRAY = 10_000;

export function listPromise<T extends { id: string }, P extends PageParams>(
  params: P,
  fetchPage: (params: P) => Promise<ListResult<T>>,
): ListPromise<T> {
  const first = fetchPage(params);
  const backwards = params.ending_before !== undefined;

  async function* iterate(): AsyncGenerator<T> {
    let page = await first;
    for (;;) {
      // Backwards, each page is still newest first: walk it from its oldest end, towards the newest.
      const items = backwards ? [...page.data].reverse() : page.data;
      yield* items;
      const edge = items[items.length - 1];
      if (!page.has_more || !edge) return;
      const { starting_after: _after, ending_before: _before, ...rest } = params;
      page = await fetchPage({ ...rest, ...(backwards ? { ending_before: edge.id } : { starting_after: edge.id }) } as P);
    }
  }

  return Object.assign(first, {
    [Symbol.asyncIterator]: iterate,
    async autoPagingToArray(options: AutoPagingToArrayOptions): Promise<T[]> {
      const limit = options?.limit;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TO_ARRAY) {
        throw new TypeError(`Soxara: autoPagingToArray needs a limit from 1 to ${MAX_TO_ARRAY}`);
      }
      const out: T[] = [];
      for await (const item of iterate()) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    },
  }) as ListPromise<T>;
}
