// Page-load timing of the built app (dist/) in headless Chromium: N cold loads, each in a
// fresh browser context (empty cache), served from 127.0.0.1. Prints the median and p95 of:
//   render    navigation start -> the app's root element is in the DOM (MutationObserver)
//   fcp       first contentful paint
//   dcl       DOMContentLoaded end
//   load      load event end
//   wasm      the .wasm download (resource timing, request start -> response end)
// Usage: node bench.mjs [N]   (or BENCH_RUNS=N; default 20)
import { APP, launchBrowser, newPage, serveDist, assertNoErrors, median, percentile } from './support.mjs';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 20);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`invalid number of runs: ${runs}`);

// Installed before any page script runs: records when the app root first appears, on the
// same clock as navigation timing (performance.now() counts from navigation start).
function recordAppRender(selector) {
  const mark = () => {
    if (window.__appRenderedAt === undefined && document.querySelector(selector)) {
      window.__appRenderedAt = performance.now();
      performance.mark('app-rendered');
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => {
    if (mark()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}


const server = await serveDist();
const browser = await launchBrowser();
const samples = { render: [], fcp: [], dcl: [], load: [], wasm: [] };
try {
  // One unmeasured load first, so the browser process itself is warm (its HTTP cache is
  // not shared: each measured load gets a fresh context).
  for (let i = -1; i < runs; i++) {
    const page = await newPage(browser);
    await page.addInitScript(recordAppRender, APP);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator(APP).waitFor({ state: 'attached' });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return {
        render: window.__appRenderedAt,
        fcp: fcp?.startTime,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        wasm: wasm ? wasm.responseEnd - wasm.requestStart : undefined,
      };
    });
    assertNoErrors(page);
    await page.close();
    if (i < 0) continue;
    for (const [k, v] of Object.entries(t)) if (typeof v === 'number') samples[k].push(v);
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`page load of dist/ in headless Chromium, ${runs} cold loads (ms)`);
console.log(`${'metric'.padEnd(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
for (const [name, values] of Object.entries(samples)) {
  if (values.length === 0) {
    console.log(`${name.padEnd(8)} (not reported by the browser)`);
    continue;
  }
  const s = [...values].sort((a, b) => a - b);
  const f = (x) => x.toFixed(1).padStart(8);
  console.log(`${name.padEnd(8)} ${f(median(s))} ${f(percentile(s, 95))} ${f(s[0])} ${f(s.at(-1))}`);
}
