// How to buy it, in the built app (dist/), in headless Chromium at 1366 and 375 px: the wizard's
// service-level step asks how soon each answer is needed and refuses work that can wait on a
// guaranteed service level, naming the question; a best-effort Nova Pro workload that can wait
// minutes is recommended in-Region on the Flex tier at LiteLLM's Flex price ($0.40 / $1.60 a
// million), and the comparison's "How to buy" row lists the route's tiers with the recommended
// one marked. axe finds nothing. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const WIDTHS = [[1366, 768], [375, 812]];

describe('service tiers', () => {
  const site = siteAndBrowser();

  for (const [width, height] of WIDTHS) {
    test(`the turnaround question and the "How to buy" row at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + 'plan/');
      await page.click(testid('plan-add'));
      await page.fill(testid('wz-name'), 'Nightly summaries');
      await page.fill(testid('wz-model-filter'), 'nova pro');
      await page.selectOption(testid('wz-model'), 'amazon.nova-pro-v1:0');
      await page.selectOption(testid('wz-source'), 'us-east-1');
      await page.click(testid('wz-next'));
      await page.click(testid('wz-next'));
      await page.check(testid('wz-traffic-steady'));
      await page.click(testid('wz-next'));

      // The step asks both questions; interactive is the default answer.
      const group = page.locator('fieldset', { has: page.locator(testid('wz-turnaround-interactive')) });
      assert.equal(await group.locator('legend').textContent(), 'How soon is each answer needed?');
      assert.equal(await page.isChecked(testid('wz-turnaround-interactive')), true);

      // Guaranteed capacity with work that can wait: refused, on the turnaround question.
      await page.check(testid('wz-sla-guaranteed'));
      await page.check(testid('wz-turnaround-minutes'));
      await page.click(testid('wz-next'));
      const problem = page.locator(testid('wz-turnaround-error'));
      await problem.waitFor();
      assert.match(await problem.textContent(), /best-effort/);
      assert.equal(await group.getAttribute('aria-invalid'), 'true');
      assert.equal(await group.getAttribute('aria-describedby'), 'wz-turnaround-error');
      await assertAccessible(page);

      await page.check(testid('wz-sla-best_effort'));
      await page.click(testid('wz-next'));
      await page.click(testid('wz-next'));
      assert.match(await page.locator(testid('wz-review')).textContent(), /Turnaround\s*Within minutes/);
      await page.click(testid('wz-save'));
      await page.locator(testid('wizard')).waitFor({ state: 'detached' });

      // The recommendation names route and tier, at the tier's price.
      const card = page.locator(testid('recommendation'));
      await waitForOrError(page, card);
      assert.match(await card.textContent(), /In-Region, Flex tier/);
      assert.match(await card.textContent(), /\$0\.40 in \/ \$1\.60 out/);

      // The comparison's "How to buy" row: Priority, Standard, Flex (recommended), Batch.
      const cells = width > 640
        ? page.locator(`${testid('comparison')} tbody tr`, { has: page.locator('th', { hasText: /^How to buy$/ }) }).locator('td')
        : page.locator(`${testid('option-card')} dl > div`, { has: page.locator('dt', { hasText: /^How to buy$/ }) }).locator('dd');
      const texts = await cells.allTextContents();
      const inRegion = texts.find((t) => t.includes('Flex (recommended)'));
      assert.ok(inRegion, texts.join(' | '));
      assert.match(inRegion, /Priority: \$1\.40 in \/ \$5\.60 out/);
      assert.match(inRegion, /Standard: \$0\.80 in \/ \$3\.20 out/);
      assert.match(inRegion, /Flex \(recommended\): \$0\.40 in \/ \$1\.60 out/);
      assert.match(inRegion, /Batch: \$0\.40 in \/ \$1\.60 out/);

      // Saved with the plan as a version-2 field.
      await page.waitForFunction(() => localStorage.getItem('cris-atlas.plan')?.includes('"turnaround": "minutes"'));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });
  }
});
