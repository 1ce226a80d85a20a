/**
 * A form body's values are all strings; Stripe reads `amount=1250` as the integer 1250 and `disabled=true`
 * as a boolean because its parameters are typed. This walks the route's valibot schema beside the parsed
 * form and converts only where the schema asks for a number, a boolean, an array or null (`description=`
 * unsets, as with Stripe); everything else is left for the same validation a JSON body gets, so a form
 * can never pass what the JSON would not.
 */
import type * as v from 'valibot';
import type { FormValue } from './form.ts';

type AnySchema = v.GenericSchema & {
  type: string;
  pipe?: readonly { kind: string }[];
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  value?: AnySchema;
  options?: readonly AnySchema[];
  key?: unknown;
  literal?: unknown;
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A pipe's output type is its last schema (`v.pipe(v.custom(…), v.record(…))` is a record). */
function shapeOf(schema: AnySchema): AnySchema {
  // `v.pipe(s, …)` is `{...s, pipe: [s, …]}`: the schemas inside have no pipe of their own unless nested.
  const last = (schema.pipe?.filter((item) => item.kind === 'schema') as AnySchema[] | undefined)?.at(-1);
  return last ? shapeOf(last) : schema;
}

function isStringLike(schema: AnySchema): boolean {
  const shape = shapeOf(schema);
  if (shape.wrapped) return isStringLike(shape.wrapped);
  return shape.type === 'string' || shape.type === 'picklist' || (shape.type === 'literal' && typeof shape.literal === 'string');
}

function isRecordOf(value: unknown): value is Record<string, FormValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{0: a, 1: b}` (from `x[0]=a&x[1]=b`) → `[a, b]`; anything else is left for validation to refuse. */
function asArray(value: FormValue): FormValue {
  if (!isRecordOf(value)) return value;
  const keys = Object.keys(value);
  if (!keys.every((key) => /^\d+$/.test(key))) return value;
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]!);
}

export function coerceFormValue(schema: v.GenericSchema, value: unknown): unknown {
  return coerce(schema as AnySchema, value);
}

function coerce(schema: AnySchema, value: unknown): unknown {
  const shape = shapeOf(schema);
  switch (shape.type) {
    case 'optional':
    case 'exact_optional':
      return coerce(shape.wrapped!, value);
    case 'nullable':
    case 'nullish':
      return value === '' ? null : coerce(shape.wrapped!, value);
    case 'number':
      return typeof value === 'string' && NUMBER.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array': {
      if (typeof value !== 'object' || value === null) return value;
      const items = asArray(value as FormValue);
      return Array.isArray(items) ? items.map((item) => coerce(shape.item!, item)) : items;
    }
    case 'record': {
      if (!isRecordOf(value)) return value;
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(value)) out[key] = coerce(shape.value!, value[key]);
      return out;
    }
    case 'object':
    case 'strict_object':
    case 'loose_object': {
      if (!isRecordOf(value)) return value;
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(value)) {
        const entry = Object.hasOwn(shape.entries!, key) ? shape.entries![key] : undefined;
        out[key] = entry ? coerce(entry, value[key]) : value[key];
      }
      return out;
    }
    case 'variant': {
      if (!isRecordOf(value)) return value;
      const key = shape.key as string;
      const option = shape.options!.find((o) => {
        const discriminator = shapeOf(o).entries?.[key];
        return discriminator !== undefined && (discriminator as AnySchema).literal === value[key];
      });
      return option ? coerce(option, value) : value;
    }
    case 'union':
      // A string option takes the form's string as it is (`exp_month` may be "12" or 12).
      if (typeof value === 'string' && shape.options!.some(isStringLike)) return value;
      return shape.options!.length > 0 ? coerce(shape.options![0]!, value) : value;
    default:
      return value;
  }
}
