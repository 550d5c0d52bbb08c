// The plan page in front of a customer, in headless Chromium at 1366x768, 1920x1080 and 375x812:
// the four-workload walk (EU support chat, Canada-only claims triage, batch summaries, a
// fine-tuned classifier) tells one story in the summary, the card and the comparison; tables
// fit or show that they scroll; the comparison reads as cards on a phone; focus moves to what
// changed; axe finds nothing. And a workload entered with the keyboard only, keystrokes counted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const NOVA_PRO = 'amazon.nova-pro-v1:0';

const WALK = [
  { name: 'EU support chat', filter: 'sonnet 4.5', model: SONNET_45, source: 'eu-central-1',
    residency: ['geography', 'wz-geography', 'EU'], traffic: 'spiky', sla: 'best_effort' },
  { name: 'Canada claims triage', filter: 'sonnet 4.5', model: SONNET_45, source: 'ca-central-1',
    residency: ['country', 'wz-country', 'CA'], traffic: 'steady', sla: 'latency_sensitive' },
  { name: 'Batch summaries', filter: 'nova pro', model: NOVA_PRO, source: 'us-east-1',
    residency: ['none'], traffic: 'high_volume', sla: 'best_effort' },
  { name: 'Fine-tuned classifier', filter: 'nova pro', model: NOVA_PRO, source: 'us-west-2', custom: true,
    residency: ['none'], traffic: 'steady', sla: 'guaranteed' },
];

async function addWorkload(page, w) {
  await page.click(testid('plan-add'));
  await page.fill(testid('wz-name'), w.name);
  await page.fill(testid('wz-model-filter'), w.filter);
  await page.selectOption(testid('wz-model'), w.model);
  if (w.custom) await page.check(testid('wz-custom'));
  await page.selectOption(testid('wz-source'), w.source);
  await page.click(testid('wz-next'));
  await page.check(testid(`wz-residency-${w.residency[0]}`));
  if (w.residency[1]) await page.selectOption(testid(w.residency[1]), w.residency[2]);
  await page.click(testid('wz-next'));
  await page.check(testid(`wz-traffic-${w.traffic}`));
  await page.click(testid('wz-next'));
  await page.check(testid(`wz-sla-${w.sla}`));
  await page.click(testid('wz-next'));
  await page.click(testid('wz-next'));
  await page.click(testid('wz-save'));
  await page.locator(testid('wizard')).waitFor({ state: 'detached' });
}

/** Whether the element scrolls sideways (its content is wider than its box). */
const scrolls = (page, selector) =>
  page.$eval(selector, (el) => el.scrollWidth > el.clientWidth + 1);

describe('the plan page in front of a customer', () => {
  const site = siteAndBrowser();

  for (const [width, height] of [[1366, 768], [1920, 1080], [375, 812]]) {
    test(`the four-workload walk at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + 'plan/');
      for (const w of WALK) await addWorkload(page, w);

      // The summary: every workload, its option, verdict, price and warnings.
      const rows = page.locator(testid('plan-row'));
      assert.equal(await rows.count(), 4);
      const options = await page.locator(testid('plan-option')).allTextContents();
      assert.deepEqual(options.map((o) => o.trim()), [
        'Geographic (EU), Standard tier', '✗ No eligible option', 'Geographic (US), Standard tier', 'Provisioned Throughput',
      ]);
      const compliant = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.compliant));
      assert.deepEqual(compliant, ['true', 'false', 'true', 'true']);
      const canada = rows.nth(1);
      assert.match(await canada.locator(testid('plan-verdict')).textContent(), /No option inside/);
      const canadaWarnings = Number.parseInt(await canada.locator(testid('plan-warnings')).textContent(), 10);
      assert.ok(canadaWarnings >= 1, 'a row with nothing recommended counts a warning');
      assert.match(await rows.nth(0).locator(testid('plan-price')).textContent(), /\$3\.30 in/);
      // A problem row does not look like a success: no green.
      const canadaBg = await canada.locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
      assert.notEqual(canadaBg, 'rgb(218, 251, 225)');

      // After "Add to plan" focus is on the new workload's detail.
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'workload-detail');

      // The Canada card and its comparison agree: nothing eligible anywhere.
      await canada.locator(testid('plan-select')).click();
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'workload-detail');
      assert.match(await page.locator(testid('recommended-option')).textContent(), /^No eligible option/);
      assert.match(await page.locator(testid('urgent-warnings')).textContent(), /Nothing is recommended/);
      const alternatives = await page.locator(testid('alternatives')).textContent();
      assert.doesNotMatch(alternatives, /Rerank|Embed/);
      if (width > 640) {
        const eligibleRow = page.locator(`${testid('comparison')} tbody tr`).first();
        assert.doesNotMatch(await eligibleRow.textContent(), /✓/);
        // Long Region lists are summarised by country; the full list is one click away.
        const comparison = page.locator(testid('comparison'));
        assert.match(await comparison.textContent(), /31 Regions in 24 countries/);
        assert.ok(await comparison.locator('details.more').count() >= 1);
      } else {
        // On a phone the comparison is one card per option, the table is not shown.
        assert.equal(await page.locator(testid('comparison')).isVisible(), false);
        const cards = page.locator(testid('option-card'));
        assert.ok(await cards.count() >= 3);
        assert.ok(await cards.first().isVisible());
        const eligible = await cards.evaluateAll((cs) => cs.map((c) => c.querySelector('dd').textContent));
        assert.ok(eligible.every((e) => e.startsWith('✗ No')), eligible.join(' | '));
      }
      // The page itself never scrolls sideways; at 1920 neither do the tables.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      if (width >= 1366) {
        assert.equal(await scrolls(page, '.table-scroll:has([data-testid="plan-table"])'), false, `the plan table fits at ${width}`);
      }
      if (width === 1920) {
        assert.equal(await scrolls(page, testid('comparison')), false, 'the comparison fits at 1920');
      }
      // A table that scrolls shows it: its shadows are drawn.
      const background = await page.$eval('.table-scroll', (el) => getComputedStyle(el).backgroundImage);
      assert.match(background, /gradient/);

      // The fine-tuned classifier: customization unverified, with the AWS page.
      await rows.nth(3).locator(testid('plan-select')).click();
      const warnings = page.locator(testid('warnings'));
      assert.match(await warnings.textContent(), /Unverified/);
      assert.equal(await warnings.locator('a[href$="model-customization-use.html"]').count(), 1);

      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });
  }

  test('the live result gets room from step 4 on at 1366', async () => {
    const page = await newPage(site.browser, { viewport: { width: 1366, height: 768 } });
    await openApp(page, site.server.url + 'plan/');
    await page.click(testid('plan-add'));
    await page.fill(testid('wz-name'), 'Room');
    await page.fill(testid('wz-model-filter'), 'sonnet 4.5');
    await page.selectOption(testid('wz-model'), SONNET_45);
    await page.selectOption(testid('wz-source'), 'eu-central-1');
    await page.click(testid('wz-next'));
    await page.check(testid('wz-residency-none'));
    await page.click(testid('wz-next'));
    await page.check(testid('wz-traffic-steady'));
    await page.click(testid('wz-next'));
    await page.check(testid('wz-sla-best_effort'));
    const live = await page.locator(testid('live-result')).boundingBox();
    assert.ok(live.width >= 760, `the live result is ${live.width} px wide`);
    assertNoErrors(page);
    await page.close();
  });

  test('a workload entered with the keyboard only', async () => {
    const page = await newPage(site.browser, { viewport: { width: 1366, height: 768 } });
    await openApp(page, site.server.url + 'plan/');
    let keys = 0;
    const press = async (key, times = 1) => {
      for (let i = 0; i < times; i += 1) {
        await page.keyboard.press(key);
        keys += 1;
      }
    };
    const type = async (text) => {
      await page.keyboard.type(text);
      keys += text.length;
    };
    const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
    // Start on "Add workload" (where a keyboard user lands from the page's first controls).
    await page.focus(testid('plan-add'));
    await press('Enter');
    assert.equal(await focused(), 'wz-step', 'focus moves to the step heading');
    await press('Tab');
    await type('Claims');
    await press('Tab');
    await type('sonnet 4.5');
    await press('Tab', 2); // past "What the model does" to the list
    assert.equal(await focused(), 'wz-model');
    await press('ArrowDown');
    await press('Tab');
    assert.equal(await focused(), 'wz-source');
    await type('ca-c');
    await press('Enter'); // Enter moves on from anywhere in the step
    assert.equal(await focused(), 'wz-step', 'focus moves to the next step heading');
    assert.match(await page.locator(testid('wz-step')).textContent(), /Step 2 of 6/);
    await press('Tab'); // the first residency choice
    await press('ArrowDown', 2); // none -> geography -> country
    await press('Tab');
    assert.equal(await focused(), 'wz-country');
    await type('Canada');
    await press('Enter');
    assert.match(await page.locator(testid('wz-step')).textContent(), /Step 3 of 6/);
    await press('Tab');
    await press('Space'); // steady
    await press('Enter');
    assert.match(await page.locator(testid('wz-step')).textContent(), /Step 4 of 6/);
    await press('Tab');
    await press('Space'); // best effort
    await press('Enter');
    assert.match(await page.locator(testid('wz-step')).textContent(), /Step 5 of 6/);
    await press('Enter'); // nothing to change in the policy
    assert.match(await page.locator(testid('wz-step')).textContent(), /Step 6 of 6/);
    await press('Enter'); // Add to plan
    await page.locator(testid('wizard')).waitFor({ state: 'detached' });
    assert.equal(await page.locator(testid('plan-row')).count(), 1);
    assert.equal(await focused(), 'workload-detail');
    console.log(`keyboard-only entry of one workload: ${keys} keystrokes`);
    assert.ok(keys <= 50, `${keys} keystrokes`);
    assertNoErrors(page);
    await page.close();
  });

  test('a followed link opens at the top; Back restores the position', async () => {
    const page = await newPage(site.browser, { viewport: { width: 1366, height: 768 } });
    await openApp(page, site.server.url + 'explore/');
    const link = page.locator('.result-name a').nth(12);
    await link.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 400, `scrolled ${before} px`);
    await link.click();
    await page.waitForLoadState('load');
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.goBack();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 50, before);
    assertNoErrors(page);
    await page.close();
  });

  test('an explorer dead end names its filter and offers a way out', async () => {
    const page = await newPage(site.browser, { viewport: { width: 375, height: 812 } });
    await openApp(page, site.server.url + 'explore/?from=eu-west-2&within=geo%3AEU');
    const deadEnd = page.locator(testid('dead-end'));
    assert.match(await deadEnd.textContent(), /United Kingdom, outside European Union/);
    assert.match(await page.locator(testid('result-count')).textContent(), /processes only within/);
    assert.equal(await page.locator(testid('dead-end-suggestion')).textContent(), 'Try: Processes only within Europe');
    assert.equal(await page.locator(testid('dead-end-region')).count(), 1);
    // On a phone the filters are folded behind a button that counts the active ones.
    const toggle = page.locator(testid('filters-toggle'));
    assert.equal(await toggle.textContent(), 'Filters (2 active)');
    assert.equal(await page.locator('#filter-group').isVisible(), false);
    await toggle.click();
    assert.equal(await page.locator('#filter-group').isVisible(), true);
    await assertAccessible(page);
    await page.locator(testid('dead-end-suggestion')).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="model-row"]').length > 0);
    assertNoErrors(page);
    await page.close();
  });
});
