// Shared helpers for the CRIS Atlas end-to-end tests and timings: serve the built app,
// launch Debian's headless Chromium through playwright-core, record console and page
// errors, and run axe-core accessibility checks. Nothing here downloads anything.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDir } from './server.mjs';

export { serveDir };

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The built app: DIST_DIR, or dist/ at the repository root. */
export const DIST_DIR = resolve(process.env.DIST_DIR ?? resolve(here, '..', 'dist'));

/** Debian's Chromium (package chromium); CHROMIUM overrides. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium flags. --no-sandbox because tests run as root; the rest keep the browser
 * from reaching out to the network (this machine only reaches package registries, and
 * refused background connections otherwise fill the log). Playwright adds --headless
 * and gives every launch a fresh temporary profile (user data dir) of its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium. Close it with `await browser.close()`. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run tools/setup.sh --test (installs Debian's chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Serves dist/ on 127.0.0.1 (free port); see server.mjs for options. */
export function serveDist(options) {
  return serveDir(DIST_DIR, options);
}

/**
 * For the suite it is called in: serves dist/ and launches Chromium before its tests, closes
 * both after them. The returned object holds `server` and `browser` once the tests run.
 * @returns {{ server: Awaited<ReturnType<typeof serveDist>>, browser: import('playwright-core').Browser }}
 */
export function siteAndBrowser(options) {
  const site = {};
  before(async () => {
    site.server = await serveDist(options);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Opens a page in a fresh browser context (no shared cache or storage) and records
 * every console error, uncaught page error, failed request and HTTP error response on
 * `page.errors`. `page.firstError` is a promise that rejects at the first one, so a wait
 * can stop at once with the cause instead of running into its timeout.
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<import('playwright-core').Page & { errors: string[], firstError: Promise<never> }>}
 */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  let rejectFirst;
  const firstError = new Promise((_, reject) => {
    rejectFirst = reject;
  });
  firstError.catch(() => {}); // only awaited by those who race against it
  const record = (message) => {
    errors.push(message);
    rejectFirst(new Error(`the page reported errors:\n${errors.join('\n')}`));
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url, lineNumber } = msg.location();
      record(`console error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => record(`page error: ${err.stack ?? err.message}`));
  const javaScript = contextOptions.javaScriptEnabled !== false;
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText;
    // With JavaScript off, Chromium refuses the module's preloads (reported as "csp").
    if (!javaScript && failure === 'csp') return;
    // The browser cancelled it: the page moved on (a link followed, an old address redirected)
    // before a favicon or image arrived. A missing file is an HTTP 404, reported below.
    if (failure === 'net::ERR_ABORTED') return;
    record(`request failed: ${req.method()} ${req.url()} (${failure})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) record(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('close', () => context.close().catch(() => {}));
  return Object.assign(page, {
    errors,
    firstError,
    javaScript,
  });
}

/**
 * Waits (Playwright auto-waiting) for `locator`, but fails as soon as the page reports an
 * error, listing the errors.
 */
export async function waitForOrError(page, locator, options = { state: 'visible' }) {
  await Promise.race([locator.waitFor(options), page.firstError]);
}

/** Fails with every recorded error listed, if the page recorded any. */
export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], `the page reported errors:\n${page.errors.join('\n')}`);
}

/** The page's main element, present in every prerendered page. */
export const APP = '[data-testid="app"]';

/** Present once the module runs on the page: its island hydrated, or a static page enhanced. */
export const READY = 'html[data-ready]';

/**
 * Navigates to `url` and waits (Playwright auto-waiting, bounded by its default timeout)
 * until the module has hydrated or enhanced the page (or, with JavaScript off, until the
 * prerendered main element is there); fails at once if the page reports an error.
 */
export async function openApp(page, url) {
  await Promise.race([page.goto(url), page.firstError]);
  await waitForOrError(page, page.locator(APP));
  if (page.javaScript) {
    await waitForOrError(page, page.locator(READY), { state: 'attached' });
  }
}

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (injected from node_modules, no CDN) on the page, or on the part of it
 * matched by `context`, and returns the violations.
 * @param {import('playwright-core').Page} page
 * @param {{ context?: string, rules?: object, tags?: string[] }} [options]
 */
export async function axeViolations(page, { context, rules, tags } = {}) {
  const injected = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the devtools protocol: an injected <script> would be (rightly) refused
  // by the page's Content-Security-Policy.
  if (!injected) await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  const runOptions = { resultTypes: ['violations'] };
  if (rules) runOptions.rules = rules;
  if (tags) runOptions.runOnly = { type: 'tag', values: tags };
  return page.evaluate(
    ([ctx, opts]) => window.axe.run(ctx ?? document, opts).then((r) => r.violations),
    [context ?? null, runOptions],
  );
}

/** Fails, listing each rule and the elements it flagged, if axe finds any violation. */
export async function assertAccessible(page, options) {
  const violations = await axeViolations(page, options);
  const report = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'),
    )
    .join('\n');
  assert.equal(violations.length, 0, `axe-core found accessibility violations:\n${report}`);
}

/** Median of an ascending array. */
export function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile `p` (0-100) of an ascending array. */
export function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
