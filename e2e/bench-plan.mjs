// Timing of one workload's full re-evaluation on the plan page, in headless Chromium: with a
// workload open in the wizard, each change of answer re-runs the engine (every option, the
// choice, reasons, the comparison table) and re-renders. Measured from the input event to the
// next animation frame, so it includes Yew's render; N changes (default 40), median and p95.
// Usage: node bench-plan.mjs [N]
import { launchBrowser, newPage, openApp, serveDist, assertNoErrors } from './support.mjs';

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

function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const server = await serveDist();
const browser = await launchBrowser();
let samples = [];
try {
  const page = await newPage(browser);
  await page.addInitScript((plan) => localStorage.setItem('cris-atlas.plan', plan), PLAN);
  await openApp(page, `${server.url}#/plan`);
  await page.locator('[data-testid="plan-edit"]').click();
  // Traffic step: two Next clicks from the workload step.
  await page.locator('[data-testid="wz-next"]').click();
  await page.locator('[data-testid="wz-next"]').click();
  await page.locator('[data-testid="wz-traffic-0"]').waitFor();
  await page.locator('[data-testid="live-result"]').waitFor();
  samples = await page.evaluate(async (n) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      // Alternate steady and spiky: the recommendation flips between the EU profile choices.
      const radio = document.querySelector(`[data-testid="wz-traffic-${i % 2 === 0 ? 0 : 1}"]`);
      const start = performance.now();
      radio.click();
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      times.push(performance.now() - start);
      if (!document.querySelector('[data-testid="live-result"]')) throw new Error('the live result disappeared');
    }
    return times;
  }, runs);
  assertNoErrors(page);
} finally {
  await browser.close();
  await server.close();
}

const s = [...samples].sort((a, b) => a - b);
const median = s[s.length >> 1];
console.log(`plan page: one workload's full re-evaluation and render, ${runs} answer changes (ms)`);
console.log(`median ${median.toFixed(1)}   p95 ${percentile(s, 95).toFixed(1)}   max ${s.at(-1).toFixed(1)}   (target < 16)`);
