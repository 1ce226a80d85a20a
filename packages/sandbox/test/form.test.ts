/** The bracket notation of form bodies and queries (src/http/form.ts), and the schema-led coercion beside it. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseFormBody } from '../src/http/form.ts';
import { coerceFormValue } from '../src/http/form-coercion.ts';
import { ApiError } from '../src/http/errors.ts';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('parseFormBody', () => {
  it('nests brackets, appends [] to an array, decodes + and escapes', () => {
    const form = parseFormBody('a=1&b[c]=x+y&b[d][e]=%C3%A9&list[]=p&list[]=q&empty=&flag');
    expect(plain(form)).toEqual({ a: '1', b: { c: 'x y', d: { e: 'é' } }, list: ['p', 'q'], empty: '', flag: '' });
  });

  it('keeps __proto__ as a plain key of an object without prototype', () => {
    const form = parseFormBody('metadata[__proto__]=a&metadata[constructor]=b');
    const metadata = form['metadata'] as Record<string, string>;
    expect(Object.getPrototypeOf(metadata)).toBeNull();
    expect(Object.keys(metadata)).toEqual(['__proto__', 'constructor']);
  });

  it('cannot pollute Object.prototype', () => {
    const form = parseFormBody('__proto__[polluted]=1&constructor[prototype][polluted]=1');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(form)).toBe('{"__proto__":{"polluted":"1"},"constructor":{"prototype":{"polluted":"1"}}}');
  });

  it.each([
    ['a=1&a=2', 'a'],
    ['a=1&a[b]=2', 'a[b]'],
    ['a[b]=1&a=2', 'a'],
    ['a[]=1&a[x]=2', 'a[x]'],
    ['a[][b]=1', 'a[][b]'],
    ['a]=1', 'a]'],
    ['[a]=1', '[a]'],
  ])('refuses %s (param %s)', (text, param) => {
    try {
      parseFormBody(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).body).toMatchObject({ code: 'form_invalid', param });
    }
  });

  it('refuses a percent-escape that is not UTF-8', () => {
    expect(() => parseFormBody('a=%FF')).toThrow(ApiError);
    expect(() => parseFormBody('%ED%A0%80=1')).toThrow(ApiError);
  });
});

describe('coerceFormValue', () => {
  const schema = v.strictObject({
    amount: v.pipe(v.number(), v.integer()),
    on: v.optional(v.boolean()),
    note: v.optional(v.nullable(v.string())),
    tags: v.optional(v.array(v.string())),
    counts: v.optional(v.array(v.number())),
    either: v.optional(v.union([v.number(), v.string()])),
    meta: v.optional(v.record(v.string(), v.string())),
  });

  it('reads what the schema types, and leaves the rest for validation', () => {
    const value = coerceFormValue(schema, parseFormBody('amount=1250&on=true&note=&tags[1]=b&tags[0]=a&counts[]=1&counts[]=2&either=7&meta[n]=5&extra=1'));
    expect(plain(value)).toEqual({ amount: 1250, on: true, note: null, tags: ['a', 'b'], counts: [1, 2], either: '7', meta: { n: '5' }, extra: '1' });
    expect(v.safeParse(schema, value).success).toBe(false);
  });

  it('never turns what JSON would refuse into something valid', () => {
    const value = coerceFormValue(schema, parseFormBody('amount=1e3&on=yes&tags=x'));
    expect(plain(value)).toEqual({ amount: '1e3', on: 'yes', tags: 'x' });
    expect(v.safeParse(schema, value).success).toBe(false);
  });
});
