// First-visit load of the prerendered explore page beside the practical limit: a plain HTML
// table of the same models (no script, no style sheet), both served with gzip as static hosts
// serve them, in headless Chromium, each visit in a fresh browser context (empty cache).
//
// Two network profiles: loopback, and a slow mobile network emulated through the DevTools
// protocol (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, the "Slow 3G"-like profile of
// the figures in the README). Per page and profile, the median of N visits of:
//   content      navigation start -> 50 model rows in the document AND the first contentful
//                paint done (both are needed for the rows to be on screen)
//   interactive  (explore only) navigation start -> the module has hydrated the page
//                (html[data-ready]); after it, typing in the search box must filter the list,
//                which the bench checks on every visit (it fails otherwise)
//   transfer     bytes over the wire (gzip) for the whole visit, from resource timing
// and the ratio of explore's content time to the plain table's.
//
// Usage: node bench-load.mjs [N]   (or BENCH_RUNS=N; default 7, at least 5)
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, median, newPage, serveDir, serveDist, READY } from './support.mjs';

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

async function visit(browser, url, selector, network, interactive) {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await page.addInitScript(recordRows, [selector, ROWS]);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__rowsAt !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0);
  let ready = null;
  if (interactive) {
    await page.locator(READY).waitFor({ state: 'attached' });
    ready = await page.evaluate(() => window.__readyAt);
    // Interactive means the search really filters: a query that matches few models.
    const before = await page.locator(selector).count();
    await page.locator('#q').fill('nova pro');
    await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length < n, [selector, before]);
  }
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return { rows: window.__rowsAt, fcp, transfer: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0) };
  });
  assert.deepEqual(page.errors, [], page.errors.join('\n'));
  await page.close();
  return { content: Math.max(timing.rows, timing.fcp), interactive: ready, transfer: timing.transfer };
}

const plain = await plainTable();
const plainServer = await serveDir(plain.dir, { gzip: true });
const atlasServer = await serveDist({ gzip: true });
const browser = await launchBrowser();
const pages = [
  { name: 'plain HTML table', url: plainServer.url, selector: 'tbody tr', interactive: false },
  { name: 'CRIS Atlas explore/', url: atlasServer.url + 'explore/', selector: 'li.result:not([hidden])', interactive: true },
];
const results = [];
try {
  for (const [profile, network] of Object.entries(PROFILES)) {
    for (const p of pages) {
      // One unmeasured visit first, so the browser process itself is warm.
      await visit(browser, p.url, p.selector, network, p.interactive);
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await visit(browser, p.url, p.selector, network, p.interactive));
      const pick = (k) => median(samples.map((s) => s[k]).sort((a, b) => a - b));
      results.push({ profile, page: p.name, content: pick('content'), interactive: p.interactive ? pick('interactive') : null, transfer: pick('transfer') });
    }
  }
} finally {
  await browser.close();
  await plainServer.close();
  await atlasServer.close();
  await rm(plain.dir, { recursive: true, force: true });
}

const ms = (v) => (v === null ? '-' : `${Math.round(v)} ms`);
console.log(`First visit, ${ROWS} of ${plain.count} model rows on screen; median of ${runs} visits; gzip`);
console.log(`${'profile'.padEnd(12)} ${'page'.padEnd(22)} ${'content'.padStart(9)} ${'ratio'.padStart(6)} ${'interactive'.padStart(12)} ${'transfer'.padStart(10)}`);
for (const r of results) {
  const base = results.find((x) => x.profile === r.profile && x.page === pages[0].name);
  console.log(
    `${r.profile.padEnd(12)} ${r.page.padEnd(22)} ${ms(r.content).padStart(9)} ${`${(r.content / base.content).toFixed(2)}x`.padStart(6)} ` +
      `${ms(r.interactive).padStart(12)} ${`${(r.transfer / 1024).toFixed(1)} KB`.padStart(10)}`,
  );
}
