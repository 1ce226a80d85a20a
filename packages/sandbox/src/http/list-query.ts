/**
 * The query parameters every paginated list shares (`limit`, `starting_after`, `ending_before`, as
 * Stripe's) and `created[gte|gt|lte|lt]`, with the checks that turn them into a page: a cursor must name
 * one of the account's own objects (404 otherwise, as another account's ids do not exist), and the two
 * cursors together are refused, as they point opposite ways.
 */
import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { invalidRequest, notFound } from './errors.ts';
import { DEFAULT_LIST_LIMIT, limitSchema } from './schemas.ts';
import { existsFor, type Filter, type PageQuery } from '../store/pages.ts';
import { isoSeconds } from '../time.ts';

const cursor = (what: string, direction: string) =>
  v.optional(v.pipe(v.string(), v.maxLength(200), v.description(`${what}: the page holds the objects ${direction} it.`)));

export const pageQueryEntries = (idExample: string) => ({
  limit: limitSchema,
  starting_after: cursor(`An id (\`${idExample}\`) from the end of the page you have`, 'older than'),
  ending_before: cursor(`An id (\`${idExample}\`) from the start of the page you have`, 'newer than'),
});

const TIME_MESSAGE = 'must be a Unix time in seconds or an ISO 8601 time';

/** Unix seconds (Stripe's form) or an ISO 8601 time (the API's own), as milliseconds; NaN when neither. */
function timeMs(raw: string): number {
  if (/^\d{1,12}$/.test(raw)) return Number(raw) * 1000;
  return /^\d{4}-\d\d-\d\dT/.test(raw) ? Date.parse(raw) : Number.NaN;
}

// Kept a string (converted by createdFilter), so that docs/openapi.json says what a client sends.
const timeSchema = v.pipe(
  v.string(TIME_MESSAGE),
  v.check((raw) => Number.isFinite(timeMs(raw)), TIME_MESSAGE),
  v.description('Unix seconds, or an ISO 8601 time.'),
);

export const createdQuery = v.optional(
  v.pipe(
    v.object(
      { gte: v.optional(timeSchema), gt: v.optional(timeSchema), lte: v.optional(timeSchema), lt: v.optional(timeSchema) },
      'must be given as created[gte], created[gt], created[lte] or created[lt]',
    ),
    v.description('Only objects created in this range: `created[gte]=1767225600`, `created[lt]=2026-06-01T00:00:00Z`.'),
  ),
);

export type CreatedRange = v.InferOutput<typeof createdQuery>;

/** `created_at` holds whole seconds, so a bound with a fraction rounds to the seconds it really admits. */
export function createdFilter(range: CreatedRange): Filter {
  const filter: Filter = { where: [], params: [] };
  if (!range) return filter;
  const bound = (sql: string, raw: string | undefined, round: (s: number) => number): void => {
    if (raw === undefined) return;
    filter.where.push(sql);
    filter.params.push(isoSeconds(round(timeMs(raw) / 1000) * 1000));
  };
  bound('created_at >= ?', range.gte, Math.ceil);
  bound('created_at > ?', range.gt, Math.floor);
  bound('created_at <= ?', range.lte, Math.floor);
  bound('created_at < ?', range.lt, Math.ceil);
  return filter;
}

export function toPageQuery(
  db: Database.Database,
  table: 'payments' | 'refunds',
  accountId: string,
  query: { limit?: number | undefined; starting_after?: string | undefined; ending_before?: string | undefined },
): PageQuery {
  if (query.starting_after !== undefined && query.ending_before !== undefined) {
    throw invalidRequest('parameters_exclusive', 'Give starting_after or ending_before, not both.', 'ending_before');
  }
  const what = table === 'payments' ? 'payment' : 'refund';
  for (const param of ['starting_after', 'ending_before'] as const) {
    const id = query[param];
    if (id !== undefined && !existsFor(db, table, accountId, id)) throw notFound(`${what}: '${id}'`, param);
  }
  return { limit: query.limit ?? DEFAULT_LIST_LIMIT, startingAfter: query.starting_after, endingBefore: query.ending_before };
}
