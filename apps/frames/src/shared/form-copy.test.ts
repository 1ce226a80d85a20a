import { describe, expect, it } from 'vitest';
import * as protocol from '@soxara/protocol';
import { formCopy, formErrorCopy } from './form-copy.ts';

// The element frames raise every validation_error of the registry (the field checks and the pay guard).
const formErrors = (Object.values(protocol) as unknown[]).filter(
  (value): value is protocol.BrowserError =>
    typeof value === 'object' && value !== null && 'code' in value && (value as protocol.BrowserError).type === 'validation_error',
);

describe('form copy', () => {
  it('has the customer words for each of the element frames\' errors in every locale but English', () => {
    expect(formErrors.map((error) => error.code)).toContain('incomplete_number');
    for (const locale of protocol.Locale.options) {
      if (locale === 'en') continue;
      for (const error of formErrors) expect(formErrorCopy[locale][error.code], `${locale} ${error.code}`).toMatch(/\S/);
    }
  });

  it('leaves every English error to the registry', () => {
    expect(formErrorCopy.en).toEqual({});
    expect(Object.keys(formCopy.fr).sort()).toEqual(Object.keys(formCopy.en).sort());
  });
});
