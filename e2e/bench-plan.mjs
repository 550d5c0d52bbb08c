// Timing of one workload's full re-evaluation on the plan page, in headless Chromium: with a
// workload open in the wizard, each change of answer re-runs the engine (every option, the
// choice, reasons, the comparison table) and re-renders. Measured from the input event until
// the event loop takes its next task (a MessageChannel message, which runs after Yew's render
// in microtasks; no timer clamping), and separately until the next animation frame, which is
// bounded below by the display's frame interval. N changes (default 40), median and p95.
// Usage: node bench-plan.mjs [N]
import { launchBrowser, newPage, openApp, serveDist, assertNoErrors, median, percentile } from './support.mjs';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 40);
if (!Number.isInteger(runs) || runs < 2) throw new Error(`invalid number of runs: ${runs}`);

const PLAN = JSON.stringify({
  version: 1,
  workloads: [
    {
      name: 'Support chat',
      model_id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      source_region: 'eu-central-1',
      residency: { kind: 'geography', name: 'EU' },
      traffic: 'spiky',
      sla: 'best_effort',
    },
  ],
});


const server = await serveDist();
const browser = await launchBrowser();
let samples = { task: [], frame: [] };
try {
  const page = await newPage(browser);
  await page.addInitScript((plan) => localStorage.setItem('cris-atlas.plan', plan), PLAN);
  await openApp(page, `${server.url}plan/`);
  await page.locator('[data-testid="plan-edit"]').click();
  // Traffic step: two Next clicks from the workload step.
  await page.locator('[data-testid="wz-next"]').click();
  await page.locator('[data-testid="wz-next"]').click();
  await page.locator('[data-testid="wz-traffic-steady"]').waitFor();
  await page.locator('[data-testid="live-result"]').waitFor();
  samples = await page.evaluate(async (n) => {
    const channel = new MessageChannel();
    const nextTask = () =>
      new Promise((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const times = { task: [], frame: [] };
    for (let i = 0; i < n; i++) {
      // Alternate steady and spiky: the recommendation changes each time.
      const radio = document.querySelector(`[data-testid="wz-traffic-${i % 2 === 0 ? 'steady' : 'spiky'}"]`);
      const before = document.querySelector('[data-testid="live-result"]').textContent;
      const start = performance.now();
      radio.click();
      await nextTask();
      times.task.push(performance.now() - start);
      await nextFrame();
      times.frame.push(performance.now() - start);
      const after = document.querySelector('[data-testid="live-result"]')?.textContent;
      if (after === undefined) throw new Error('the live result disappeared');
      if (i > 0 && after === before) throw new Error('the live result did not change');
    }
    return times;
  }, runs);
  assertNoErrors(page);
} finally {
  await browser.close();
  await server.close();
}

console.log(`plan page: one workload's full re-evaluation and render, ${runs} answer changes (ms)`);
for (const [name, label] of [['task', 'evaluated and rendered'], ['frame', 'next frame painted   ']]) {
  const s = [...samples[name]].sort((a, b) => a - b);
  console.log(`${label}  median ${median(s).toFixed(1)}   p95 ${percentile(s, 95).toFixed(1)}   max ${s.at(-1).toFixed(1)}`);
}
console.log('target: evaluated and rendered < 16 ms (one frame)');
