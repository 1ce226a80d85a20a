/**
 * Valibot pieces shared by several bodies and queries: amounts, Stripe-like metadata limits, list limits.
 * Limits are valibot actions rather than `check`s so that docs/openapi.json, generated from these
 * schemas, states them too.
 */
import * as v from 'valibot';

/** 99,999,999 minor units ($999,999.99): the largest amount one payment may carry, like Stripe's cap. */
export const MAX_AMOUNT = 99_999_999;

export const amountSchema = v.pipe(
  v.number('must be an integer amount in minor units (e.g. 1250 for 12.50)'),
  v.integer('must be an integer amount in minor units (e.g. 1250 for 12.50)'),
  v.minValue(1, 'must be greater than 0'),
  v.maxValue(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`),
  v.description('An integer in minor units: 1250 is 12.50.'),
);

export const MAX_METADATA_KEYS = 50;

const METADATA_SHAPE = 'must be an object of string keys to string values';
export const MAX_METADATA_KEY_LENGTH = 40;
export const MAX_METADATA_VALUE_LENGTH = 500;

/**
 * valibot's `record` skips the keys `__proto__`, `prototype` and `constructor` (its guard against
 * prototype pollution), which made a 200 that silently lost a merchant's data. Those keys are carried
 * through the record under a prefix no key can have (a lone surrogate, refused in every body by
 * body.ts), then restored into a map without a prototype, where they are plain keys.
 */
const SKIPPED_BY_RECORD = new Set(['__proto__', 'prototype', 'constructor']);
const CARRIED = '\uD800';

function carrySkippedKeys(input: object): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(input)) out[SKIPPED_BY_RECORD.has(key) ? CARRIED + key : key] = (input as Record<string, unknown>)[key];
  return out;
}

function restoreSkippedKeys(input: Record<string, string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(input)) out[key.startsWith(CARRIED) ? key.slice(CARRIED.length) : key] = input[key]!;
  return out;
}

export const metadataSchema = v.pipe(
  // valibot's record would take an array as an object with index keys.
  v.custom<object>((m) => typeof m === 'object' && m !== null && !Array.isArray(m), METADATA_SHAPE),
  v.transform(carrySkippedKeys),
  v.record(
    v.pipe(
      v.string(),
      v.minLength(1, 'keys must not be empty'),
      // A carried key is at most 12 characters, so the prefix never decides this limit.
      v.maxLength(MAX_METADATA_KEY_LENGTH, `keys must be at most ${MAX_METADATA_KEY_LENGTH} characters`),
    ),
    v.pipe(
      v.string('values must be strings'),
      v.maxLength(MAX_METADATA_VALUE_LENGTH, `values must be at most ${MAX_METADATA_VALUE_LENGTH} characters`),
    ),
    METADATA_SHAPE,
  ),
  v.maxEntries(MAX_METADATA_KEYS, `must have at most ${MAX_METADATA_KEYS} keys`),
  v.transform(restoreSkippedKeys),
  v.description(
    `Yours: up to ${MAX_METADATA_KEYS} keys of at most ${MAX_METADATA_KEY_LENGTH} characters, string values of at most ${MAX_METADATA_VALUE_LENGTH}. ` +
      'Soxara stores it and echoes it in every event.',
  ),
);

export const descriptionSchema = v.nullable(v.pipe(v.string('must be a string'), v.maxLength(1000, 'must be at most 1000 characters')));

export const emptyBodySchema = v.strictObject({});

export const DEFAULT_LIST_LIMIT = 10;
export const MAX_LIST_LIMIT = 100;
const LIMIT_MESSAGE = `must be an integer from 1 to ${MAX_LIST_LIMIT}`;

/** `limit` of a list query: how many objects one page holds. */
export const limitSchema = v.optional(
  v.pipe(
    v.string(LIMIT_MESSAGE),
    v.regex(/^\d{1,3}$/, LIMIT_MESSAGE),
    v.transform(Number),
    v.number(),
    v.integer(),
    v.minValue(1, LIMIT_MESSAGE),
    v.maxValue(MAX_LIST_LIMIT, LIMIT_MESSAGE),
    v.metadata({ default: DEFAULT_LIST_LIMIT }),
  ),
);
