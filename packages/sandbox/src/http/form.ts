/**
 * `application/x-www-form-urlencoded` with Stripe's bracket notation, into the nested value a JSON body
 * would have: `metadata[order_id]=5` → `{metadata: {order_id: "5"}}`, `payment_method[card][number]=…`,
 * `enabled_events[]=a&enabled_events[]=b` → an array. `a[0]=x` makes an object keyed "0", which
 * form-coercion.ts turns into an array where the schema wants one (a metadata key "0" stays a key).
 * Objects have no prototype, so keys such as `__proto__` are plain keys. A key given twice, or used as
 * both a value and an object, is a 400 rather than a silent choice between the two.
 */
import { invalidRequest, invalidUtf8 } from './errors.ts';

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    // decodeURIComponent throws on a percent-escape that is not UTF-8 (%FF): refused, never replaced.
    throw invalidUtf8();
  }
}

function formError(name: string, why: string): never {
  throw invalidRequest('form_invalid', `Invalid form field ${name}: ${why}.`, name);
}

/** Whether `name` is in bracket notation (`a`, `a[b]`, `a[]`); a query ignores the others as unknown. */
export function isFormName(name: string): boolean {
  return KEY.test(name);
}

function segmentsOf(name: string): string[] {
  const match = KEY.exec(name);
  if (!match) formError(name, 'not a name or name[key]… in bracket notation');
  const rest = match[2] ?? '';
  return [match[1]!, ...[...rest.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
}

function emptyObject(): FormObject {
  return Object.create(null) as FormObject;
}

function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

function assign(root: FormObject, name: string, segments: string[], value: string): void {
  let container: FormObject | FormValue[] = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const next = segments[i + 1];
    if (Array.isArray(container)) {
      if (segment !== '') formError(name, 'mixes [] and [key]');
      if (!last) formError(name, '[] must be the last bracket');
      container.push(value);
      return;
    }
    if (segment === '') formError(name, 'an empty [] may only follow a name');
    const existing: FormValue | undefined = container[segment];
    if (last) {
      if (existing !== undefined) formError(name, 'given more than once');
      container[segment] = value;
      return;
    }
    const wantsArray = next === '';
    if (existing === undefined) {
      const created: FormObject | FormValue[] = wantsArray ? [] : emptyObject();
      container[segment] = created;
      container = created;
    } else if (wantsArray ? Array.isArray(existing) : isObject(existing)) {
      container = existing as FormObject | FormValue[];
    } else {
      formError(name, 'used both as a value and as a group of values');
    }
  }
}

/** Decoded `[name, value]` pairs into one nested value (a query string's, or a form body's). */
export function nestFormEntries(entries: Iterable<readonly [string, string]>): FormObject {
  const root = emptyObject();
  for (const [name, value] of entries) assign(root, name, segmentsOf(name), value);
  return root;
}

export function parseFormBody(text: string): FormObject {
  const pairs: [string, string][] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    pairs.push([decode(equals === -1 ? pair : pair.slice(0, equals)), equals === -1 ? '' : decode(pair.slice(equals + 1))]);
  }
  return nestFormEntries(pairs);
}
