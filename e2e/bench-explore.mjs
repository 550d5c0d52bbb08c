// Search latency of the explorer in the built app (dist/), in headless Chromium: the time from
// an input event in the search box to the next frame, at the real catalog size and at a
// synthetic catalog ten times larger (`explore/?bench=10`, a benchmark aid that replicates the
// models and profiles with suffixed IDs). Each sample is one keystroke of typing a phrase
// character by character, then clearing it, as a person would. Prints, per catalog, the median,
// p95, min and max of:
//   dom     input event dispatched -> the result list has changed (MutationObserver)
//   frame   input event dispatched -> the next frame has been produced (rAF, then a task)
// and how many keystrokes had the list updated before that frame's callbacks ran; then per
// catalog the p95 of keystroke to updated list against its 8 ms target and the share of frames
// over 33 ms while typing (from every requestAnimationFrame during the keystrokes).
// Usage: node bench-explore.mjs [N]   (or BENCH_RUNS=N; keystrokes per catalog, default 60, min 30)
import { launchBrowser, newPage, openApp, serveDist, assertNoErrors, median, percentile } from './support.mjs';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 60);
if (!Number.isInteger(runs) || runs < 30) throw new Error(`need at least 30 keystrokes, got ${runs}`);

const PHRASES = ['claude sonnet', 'nova pro', 'llama 3', 'mistral', 'embed'];
const CATALOGS = [
  ['real catalog', 'explore/'],
  ['10x synthetic catalog', 'explore/?bench=10'],
];

// The search box's successive values: each phrase typed one character at a time, then cleared.
function keystrokes(n) {
  const values = [];
  for (let p = 0; values.length < n; p++) {
    const phrase = PHRASES[p % PHRASES.length];
    for (let i = 1; i <= phrase.length; i++) values.push(phrase.slice(0, i));
    values.push('');
  }
  return values.slice(0, n);
}

// Runs in the page: sets the search box to `value` as one input event and resolves with the
// timings, measured on the page's own clock.
function keystroke(value) {
  const input = document.querySelector('[data-testid="search"]');
  const results = document.querySelector('[data-testid="results"]');
  const count = document.querySelector('[data-testid="result-count"]');
  return new Promise((resolve) => {
    let dom;
    const observer = new MutationObserver(() => {
      dom ??= performance.now();
    });
    observer.observe(results, { childList: true, subtree: true, characterData: true });
    observer.observe(count, { childList: true, subtree: true, characterData: true });
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    requestAnimationFrame(() => {
      const raf = performance.now();
      // A message posted from the frame callback arrives after the frame is produced.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        observer.disconnect();
        const end = performance.now();
        resolve({
          dom: (dom ?? end) - t0,
          frame: end - t0,
          inFrame: dom !== undefined && dom <= raf,
          changed: dom !== undefined,
        });
      };
      channel.port2.postMessage(null);
    });
  });
}


const server = await serveDist();
const browser = await launchBrowser();
const report = [];
try {
  for (const [name, hash] of CATALOGS) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url + hash);
    await page.locator('[data-testid="search"]').waitFor();
    const models = Number(
      (await page.locator('[data-testid="result-count"]').textContent()).match(/^(\d+) models/)[1],
    );
    // Unmeasured warm-up: one phrase typed and cleared.
    for (const value of keystrokes(PHRASES[0].length + 1)) await page.evaluate(keystroke, value);
    // Every frame's start while typing (requestAnimationFrame timestamps), for the share of
    // frames that took longer than 33 ms (two display intervals: a visible stutter).
    await page.evaluate(() => {
      window.__frames = [];
      const tick = (t) => {
        window.__frames.push(t);
        if (!window.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const samples = [];
    for (const value of keystrokes(runs)) samples.push(await page.evaluate(keystroke, value));
    const frames = await page.evaluate(() => {
      window.__stopFrames = true;
      return window.__frames.slice(1).map((t, i) => t - window.__frames[i]);
    });
    assertNoErrors(page);
    await page.close();
    report.push({ name, models, samples, frames });
  }
} finally {
  await browser.close();
  await server.close();
}

console.log('explorer search in headless Chromium: input event -> next frame (ms)');
console.log(`${'catalog'.padEnd(24)} ${'models'.padStart(6)} ${'metric'.padEnd(6)} ${'n'.padStart(4)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}  in one frame`);
for (const { name, models, samples, frames } of report) {
  // Two successive values can match the same models: nothing in the list changes then, so
  // `dom` only counts keystrokes that changed it; `frame` counts every keystroke.
  const changed = samples.filter((x) => x.changed);
  for (const [metric, set] of [['dom', changed], ['frame', samples]]) {
    const s = set.map((x) => x[metric]).sort((a, b) => a - b);
    const f = (x) => x.toFixed(1).padStart(8);
    const inFrame = changed.filter((x) => x.inFrame).length;
    console.log(
      `${name.padEnd(24)} ${String(models).padStart(6)} ${metric.padEnd(6)} ${String(s.length).padStart(4)} ${f(median(s))} ${f(percentile(s, 95))} ${f(s[0])} ${f(s.at(-1))}` +
        (metric === 'dom' ? `  ${inFrame}/${changed.length}` : ''),
    );
  }
}
for (const { name, samples, frames } of report) {
  const dom = samples.filter((x) => x.changed).map((x) => x.dom).sort((a, b) => a - b);
  const slow = frames.filter((d) => d > 33).length;
  console.log(
    `${name}: keystroke to updated list p95 ${percentile(dom, 95).toFixed(1)} ms (target 8 ms on the real catalog); ` +
      `frames over 33 ms while typing: ${slow} of ${frames.length} (${((100 * slow) / Math.max(1, frames.length)).toFixed(1)}%)`,
  );
}
