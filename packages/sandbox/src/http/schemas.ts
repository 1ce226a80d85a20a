/** Valibot pieces shared by several bodies: amounts and Stripe-like metadata limits. */
import * as v from 'valibot';

/** 99,999,999 minor units ($999,999.99): the largest amount one payment may carry, like Stripe's cap. */
export const MAX_AMOUNT = 99_999_999;

export const amountSchema = v.pipe(
  v.number('must be an integer amount in minor units (e.g. 1250 for 12.50)'),
  v.integer('must be an integer amount in minor units (e.g. 1250 for 12.50)'),
  v.minValue(1, 'must be greater than 0'),
  v.maxValue(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`),
);

const METADATA_SHAPE = 'must be an object of string keys to string values';

export const metadataSchema = v.pipe(
  // valibot's record would take an array as an object with index keys.
  v.custom<object>((m) => typeof m === 'object' && m !== null && !Array.isArray(m), METADATA_SHAPE),
  v.record(
    v.pipe(v.string(), v.minLength(1, 'keys must not be empty'), v.maxLength(40, 'keys must be at most 40 characters')),
    v.string('values must be strings'),
    METADATA_SHAPE,
  ),
  v.check((m) => Object.keys(m).length <= 50, 'must have at most 50 keys'),
  v.check((m) => Object.values(m).every((value) => value.length <= 500), 'values must be at most 500 characters'),
);

export const descriptionSchema = v.nullable(v.pipe(v.string('must be a string'), v.maxLength(1000, 'must be at most 1000 characters')));

export const emptyBodySchema = v.strictObject({});
