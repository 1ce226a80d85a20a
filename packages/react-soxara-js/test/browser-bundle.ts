/**
 * The React checkout of browser-checkout.tsx as one script for a merchant page (esbuild, React's
 * development build), exposed as `window.ReactCheckout`.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** What the page's checkout saw, for the test to read. */
export interface CheckoutRecord {
  changes: number;
  readies: number;
  result: string | null;
}

export interface BrowserCheckout {
  mount(options: { jsUrl: string; publishableKey: string; clientSecret: string }): CheckoutRecord;
  unmount(): void;
}

export async function bundleReactCheckoutForBrowser(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser-checkout.tsx', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'ReactCheckout',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}
