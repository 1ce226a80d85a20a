/**
 * How this repository launches Chromium, everywhere it does (playwright.config.ts for the browser suites,
 * bench/src/browser.ts for the bench): Debian's build, since Playwright cannot download its own browsers
 * on these machines, and one set of flags, so that the bench measures the browser the suites test.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    // CI and these machines run as root, where Chromium refuses to start with its own sandbox.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    // No traffic of the browser's own (updates, sync) during a run.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
