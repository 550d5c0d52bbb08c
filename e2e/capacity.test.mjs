// Capacity at the peak in the built app (dist/), in headless Chromium at 1366 and 375 px: the
// fixture plan tests/fixtures/plans/capacity.json imported, the comparison's throughput row
// gives numbers against the option's own quota pool, the plan's "Capacity at the peak" section
// sums the workloads sharing a pool and prints the Service Quotas commands, and "Your account"
// takes an applied value, after which the verdict follows (saved with the plan). axe finds
// nothing. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';
import { fixture, importPlan } from './plan-io.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const WIDTHS = [[1366, 768], [375, 812]];
const INCREASE =
  'aws service-quotas request-service-quota-increase --service-code bedrock --quota-code L-F4DDD3EB --region eu-west-1 --desired-value 4200000';

describe('capacity at the peak', () => {
  const site = siteAndBrowser();

  for (const [width, height] of WIDTHS) {
    test(`the wizard asks for the peak at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + 'plan/');
      await page.click(testid('plan-add'));
      await page.fill(testid('wz-name'), 'Claims assistant');
      await page.fill(testid('wz-model-filter'), 'sonnet 4.5');
      await page.selectOption(testid('wz-model'), 'anthropic.claude-sonnet-4-5-20250929-v1:0');
      await page.selectOption(testid('wz-source'), 'eu-central-1');
      await page.click(testid('wz-next'));
      await page.click(testid('wz-next'));
      await page.check(testid('wz-traffic-steady'));

      // Optional, with a worked example and what max_tokens does.
      const peak = page.locator(testid('wz-peak'));
      assert.equal(await peak.locator('legend').textContent(), 'Peak minute (optional, to check the quotas)');
      assert.match(await peak.textContent(), /300 requests a minute with 6,000-token prompts and 800-token answers, max_tokens 1,000/);
      assert.match(await peak.textContent(), /without max_tokens the model's maximum output is reserved/);
      // Half a peak is refused, naming what is missing.
      await page.fill(testid('wz-peak-requests'), '300');
      await page.click(testid('wz-next'));
      assert.match(await page.locator('#wz-peak-error').textContent(), /input tokens per request/);
      assert.equal(await page.getAttribute(testid('wz-peak-input'), 'aria-invalid'), 'true');
      await page.fill(testid('wz-peak-input'), '6,000');
      await page.fill(testid('wz-peak-output'), '800');
      await page.fill(testid('wz-peak-max'), '1000');
      await assertAccessible(page);
      await page.click(testid('wz-next'));
      await page.check(testid('wz-sla-best_effort'));
      await page.click(testid('wz-next'));
      await page.click(testid('wz-next'));
      assert.match(
        await page.locator(testid('wz-review')).textContent(),
        /Peak minute\s*300 requests a minute, 6,000 input and 800 output tokens each, max_tokens 1,000/,
      );
      await page.click(testid('wz-save'));
      await page.locator(testid('wizard')).waitFor({ state: 'detached' });
      // No applied value yet: the published default.
      const section = page.locator(testid('capacity'));
      await waitForOrError(page, section);
      assert.match(await section.locator(testid('capacity-row')).first().textContent(), /3,000,000/);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });

    test(`the numbers, the pools and the applied value at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + 'plan/');
      await importPlan(page, await fixture('plans/capacity.json'));

      // The comparison of the first workload: its throughput row in numbers.
      const throughput = width > 640
        ? page.locator(`${testid('comparison')} tbody tr`, { has: page.locator('th', { hasText: /^Effective throughput$/ }) }).locator('td')
        : page.locator(`${testid('option-card')} dl > div`, { has: page.locator('dt', { hasText: /^Effective throughput$/ }) }).locator('dd');
      await waitForOrError(page, throughput.first());
      const cells = await throughput.allTextContents();
      const geo = cells.find((c) => c.includes('L-F4DDD3EB'));
      assert.ok(geo, cells.join(' | '));
      assert.match(geo, /At the peak: needs 3,000,000 tokens a minute with 5× output burndown/);
      assert.match(geo, /applied 2,500,000: does not fit — raise to at least 3,000,000/);
      const global = cells.find((c) => c.includes('L-27C57EE8'));
      assert.match(global, /published default 5,000,000: fits the published default; check your applied value/);

      // The plan's section: three pools, the shared one summed, the commands.
      const section = page.locator(testid('capacity'));
      await waitForOrError(page, section);
      const rows = section.locator(testid('capacity-row'));
      assert.equal(await rows.count(), 3);
      const frankfurt = await rows.nth(0).textContent();
      assert.match(frankfurt, /L-F4DDD3EB in eu-central-1/);
      assert.match(frankfurt, /Claims assistant, Claims triage/);
      assert.match(frankfurt, /6,000,000/);
      assert.match(frankfurt, /does not fit/);
      assert.match(await rows.nth(2).textContent(), /bedrock-mantle quota in eu-central-1 \(code unknown\).*unknown/);
      assert.equal(await section.locator(testid('capacity-increase-1')).textContent(), INCREASE);
      assert.equal(await section.locator(testid('copy-capacity-increase-1')).count(), 1);
      await assertAccessible(page);

      // "Your account": the applied value the plan gives; raised, the pool fits.
      const applied = page.locator(testid('account-quota-eu-central-1-L-F4DDD3EB'));
      assert.equal(await applied.inputValue(), '2500000');
      assert.match(await page.locator(`label[for="account-quota-eu-central-1-L-F4DDD3EB"]`).textContent(), /Applied value of L-F4DDD3EB \(cross-Region quota\) in eu-central-1/);
      await applied.fill('6000000');
      await applied.press('Tab');
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent === 'fits',
        `${testid('capacity-row')} ${testid('capacity-verdict')}`,
      );
      await page.waitForFunction(() => localStorage.getItem('cris-atlas.plan')?.includes('"value": 6000000'));

      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });
  }
});
