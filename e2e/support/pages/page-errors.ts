/** Uncaught exceptions in the merchant page and in every Soxara frame on it. */
import type { Page } from '@playwright/test';

export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}
