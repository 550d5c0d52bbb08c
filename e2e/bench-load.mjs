// First-visit load of the prerendered explore, plan and model pages beside the practical limit: a
// plain HTML table of the same models (no script, no style sheet), all served with gzip as static
// hosts serve them, in headless Chromium, each visit in a fresh browser context (empty cache).
// Then a navigation from the explorer to the plan in one context, counting the downloads of the
// catalog's data file (one is the goal: the second page finds it cached).
//
// Two network profiles: loopback, and a slow mobile network emulated through the DevTools
// protocol (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, the "Slow 3G"-like profile of
// the figures in the README). Per page and profile, the median of N visits of:
//   content      navigation start -> the page's content in the document (50 model rows; the
//                plan's "Add workload" button; every row of a model's matrix) AND the first
//                contentful paint done (both are needed for it to be on screen)
//   interactive  navigation start -> the module has hydrated the page (html[data-ready]); after
//                it, the page must respond, which the bench checks on every visit (it fails
//                otherwise): typing in the explorer's search filters the list, "Add workload"
//                opens the wizard
//   transfer     bytes over the wire (gzip) for the whole visit, from resource timing
//   catalog read (pages with an island) the module's decoding, indexing and validation of the
//                catalog's data file (the User Timing measure `catalog-read`)
// and the ratio of explore's content time to the plain table's.
//
// Usage: node bench-load.mjs [N]   (or BENCH_RUNS=N; default 7, at least 5)
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, launchBrowser, median, newPage, serveDir, serveDist, READY } from './support.mjs';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 7);
if (!Number.isInteger(runs) || runs < 5) throw new Error(`need at least 5 runs, got ${process.argv[2]}`);
const ROWS = 50;

const PROFILES = {
  loopback: null,
  'slow mobile': { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};

/** The plain table: every model of the catalog the build embedded, one row each. */
async function plainTable() {
  const models = JSON.parse(await readFile(new URL('../data/models.json', import.meta.url), 'utf8')).models;
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = models
    .map((m) => `<tr><td>${esc(m.name)}</td><td>${esc(m.provider)}</td><td><code>${esc(m.id)}</code></td></tr>`)
    .join('\n');
  const dir = await mkdtemp(join(tmpdir(), 'cris-atlas-plain-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Models</title>` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head><body>` +
      `<table><thead><tr><th>Model</th><th>Provider</th><th>ID</th></tr></thead><tbody>\n${rows}\n</tbody></table></body></html>`,
  );
  return { dir, count: models.length };
}

// Installed before any page script: the time (performance.now, from navigation start) at which
// the document first holds `rows` elements matching `selector`.
function recordRows([selector, rows]) {
  const check = () => {
    if (window.__rowsAt === undefined && document.querySelectorAll(selector).length >= rows) {
      window.__rowsAt = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => check() && observer.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
  new MutationObserver((_, observer) => {
    if (document.documentElement.hasAttribute('data-ready')) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

async function visit(browser, url, selector, rows, network, interactive) {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await page.addInitScript(recordRows, [selector, rows]);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__rowsAt !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0);
  let ready = null;
  if (interactive) {
    await page.locator(READY).waitFor({ state: 'attached' });
    ready = await page.evaluate(() => window.__readyAt);
    await interactive(page, selector);
  }
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const read = performance.getEntriesByName('catalog-read')[0]?.duration ?? null;
    return { rows: window.__rowsAt, fcp, read, transfer: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0) };
  });
  assert.deepEqual(page.errors, [], page.errors.join('\n'));
  await page.close();
  return { content: Math.max(timing.rows, timing.fcp), interactive: ready, read: timing.read, transfer: timing.transfer };
}

/** Interactive means the search really filters: a query that matches few models. */
async function searchFilters(page, selector) {
  const before = await page.locator(selector).count();
  await page.locator('#q').fill('nova pro');
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length < n, [selector, before]);
}

/** Interactive means "Add workload" opens the wizard. */
async function addOpensWizard(page) {
  await page.click('[data-testid="plan-add"]');
  await page.locator('[data-testid="wizard"]').waitFor();
}

/** How many rows the prerendered matrix of a model page holds. */
async function matrixRows(path) {
  const html = await readFile(join(DIST_DIR, decodeURIComponent(path), 'index.html'), 'utf8');
  const table = html.split('data-testid="model-matrix"')[1]?.split('</table>')[0] ?? '';
  const body = table.split('<tbody')[1] ?? '';
  const count = (body.match(/<tr[ >]/g) ?? []).length;
  assert.ok(count > 0, `${path}: no matrix rows`);
  return count;
}

const CATALOG_FILE = /\/catalog-[0-9a-f]{16}\.bin$/;

/**
 * The explorer, then the plan, in one browser context (its cache kept): how many times the
 * catalog's data file crossed the network (the page's requests and the service worker's), and
 * its bytes.
 */
async function explorerThenPlan(browser, url) {
  const page = await newPage(browser);
  const downloads = [];
  page.context().on('requestfinished', async (request) => {
    if (!CATALOG_FILE.test(new URL(request.url()).pathname)) return;
    const response = await request.response();
    if (response && !response.fromServiceWorker() && (await request.sizes()).responseBodySize > 0) {
      downloads.push((await request.sizes()).responseBodySize);
    }
  });
  await page.goto(url + 'explore/');
  await page.locator(READY).waitFor({ state: 'attached' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto(url + 'plan/');
  await page.locator(READY).waitFor({ state: 'attached' });
  await addOpensWizard(page);
  const fromPages = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /catalog-/.test(e.name)).map((e) => e.transferSize));
  assert.deepEqual(page.errors, [], page.errors.join('\n'));
  await page.close();
  return { downloads, planTransfer: fromPages.reduce((a, b) => a + b, 0) };
}

const plain = await plainTable();
const plainServer = await serveDir(plain.dir, { gzip: true });
const atlasServer = await serveDist({ gzip: true });
const browser = await launchBrowser();
const MODEL = 'model/amazon.nova-lite-v1~0/';
const pages = [
  { name: 'plain HTML table', url: plainServer.url, selector: 'tbody tr', rows: ROWS, interactive: null },
  { name: 'CRIS Atlas explore/', url: atlasServer.url + 'explore/', selector: 'li.result:not([hidden])', rows: ROWS, interactive: searchFilters },
  { name: 'CRIS Atlas plan/', url: atlasServer.url + 'plan/', selector: '[data-testid="plan-add"]', rows: 1, interactive: addOpensWizard },
  { name: 'CRIS Atlas model page', url: atlasServer.url + MODEL, selector: '[data-testid="model-matrix"] tbody tr', rows: await matrixRows(MODEL), interactive: null },
];
const results = [];
let navigation;
// Served with the year-long immutable caching that _headers gives content-hashed files, as the
// hosts of the README's deploying section send it (the other servers send no caching headers).
const cachingServer = await serveDist({ gzip: true, headers: { 'cache-control': 'public, max-age=31536000, immutable' } });
try {
  navigation = await explorerThenPlan(browser, cachingServer.url);
  for (const [profile, network] of Object.entries(PROFILES)) {
    for (const p of pages) {
      // One unmeasured visit first, so the browser process itself is warm.
      await visit(browser, p.url, p.selector, p.rows, network, p.interactive);
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await visit(browser, p.url, p.selector, p.rows, network, p.interactive));
      const pick = (k) => median(samples.map((s) => s[k]).sort((a, b) => a - b));
      results.push({
        profile, page: p.name, content: pick('content'), interactive: p.interactive ? pick('interactive') : null,
        read: p.interactive ? pick('read') : null, transfer: pick('transfer'),
      });
    }
  }
} finally {
  await browser.close();
  await plainServer.close();
  await atlasServer.close();
  await cachingServer.close();
  await rm(plain.dir, { recursive: true, force: true });
}

const ms = (v) => (v === null ? '-' : `${Math.round(v)} ms`);
console.log(`First visit (content: ${ROWS} of ${plain.count} model rows; "Add workload"; the model's matrix); median of ${runs} visits; gzip`);
console.log(`${'profile'.padEnd(12)} ${'page'.padEnd(22)} ${'content'.padStart(9)} ${'ratio'.padStart(6)} ${'interactive'.padStart(12)} ${'transfer'.padStart(10)} ${'catalog read'.padStart(13)}`);
for (const r of results) {
  const base = results.find((x) => x.profile === r.profile && x.page === pages[0].name);
  console.log(
    `${r.profile.padEnd(12)} ${r.page.padEnd(22)} ${ms(r.content).padStart(9)} ${`${(r.content / base.content).toFixed(2)}x`.padStart(6)} ` +
      `${ms(r.interactive).padStart(12)} ${`${(r.transfer / 1024).toFixed(1)} KB`.padStart(10)} ` +
      `${(r.read === null ? '-' : `${r.read.toFixed(1)} ms`).padStart(13)}`,
  );
}
console.log(
  `explorer -> plan in one context: the catalog's data file downloaded ${navigation.downloads.length} time(s), ` +
    `${navigation.downloads.join(' + ') || 0} B; the plan page's own transfer of it: ${navigation.planTransfer} B`,
);
assert.equal(navigation.downloads.length, 1, 'the catalog is downloaded once');
