// The plan page's "Changes since review", in headless Chromium at 1366 and 375 px: a plan
// reviewed against the catalog of 2026-08-22 with a Claude Sonnet 4.5 workload from
// eu-central-1 hears of the two changes of the 2026-10-27 import that touch it (the model moved
// to Legacy, linking its page, and the in-Region changes that import recorded as counts only);
// "Mark reviewed" records the current catalog's date in the saved plan and the list empties; a
// plan never reviewed says so. Nothing is wider than the screen; axe finds nothing. Run with
// `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const WIDTHS = [[1366, 768], [375, 812]];

const plan = (reviewed) =>
  JSON.stringify({
    version: 2,
    ...(reviewed ? { reviewed_against: reviewed } : {}),
    workloads: [
      { name: 'EU chat', model_id: SONNET_45, source_region: 'eu-central-1',
        residency: { kind: 'geography', name: 'EU' }, traffic: 'steady', sla: 'best_effort' },
    ],
  });

async function openPlan(browser, server, viewport, text) {
  const page = await newPage(browser, { viewport });
  await page.addInitScript((stored) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cris-atlas.plan', stored);
      sessionStorage.setItem('seeded', '1');
    }
  }, text);
  await openApp(page, server.url + 'plan/');
  await waitForOrError(page, page.locator(testid('review-status')));
  return page;
}

describe('changes since review', () => {
  const site = siteAndBrowser();

  for (const [width, height] of WIDTHS) {
    test(`a reviewed plan lists the changes since that touch it at ${width}x${height}`, async () => {
      const page = await openPlan(site.browser, site.server, { width, height }, plan('2026-08-22'));
      const section = page.locator(testid('review-status'));
      assert.equal(await section.locator('h2').textContent(), 'Changes since review');
      assert.equal(
        await page.textContent(testid('review-headline')),
        'Reviewed against the catalog of 2026-08-22; 2 changes since touch this plan.',
      );
      const items = page.locator(`${testid('review-changes')} li`);
      assert.equal(await items.count(), 2);
      const legacy = items.nth(0).locator('a');
      assert.equal(
        await legacy.textContent(),
        `${SONNET_45}: moved to Legacy (end of life 2027-04-08)`,
      );
      assert.equal(await legacy.getAttribute('href'), 'model/anthropic.claude-sonnet-4-5-20250929-v1~0/');
      assert.match(await items.nth(0).textContent(), /\(2026-10-27; touches EU chat\)$/);
      assert.match(await items.nth(1).textContent(), /^56 in-Region offers added, 17 removed, 326 moved/);
      const width_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      assert.ok(width_.scroll <= width_.viewport, `page ${width_.scroll} px wide at ${width_.viewport}`);
      await assertAccessible(page);

      // Mark reviewed: the saved plan records today's catalog, and nothing is left to look at.
      const mark = page.locator(testid('plan-mark-reviewed'));
      assert.equal(await mark.textContent(), 'Mark reviewed against the catalog of 2026-10-27');
      await mark.click();
      await page.waitForFunction(() =>
        localStorage.getItem('cris-atlas.plan')?.includes('"reviewed_against": "2026-10-27"'),
      );
      assert.equal(
        await page.textContent(testid('review-headline')),
        'Reviewed against the catalog of 2026-10-27; no change since touches this plan.',
      );
      assert.equal(await page.locator(testid('review-changes')).count(), 0);
      assert.equal(await mark.isDisabled(), true);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });
  }

  test('a plan never reviewed says so', async () => {
    const page = await openPlan(site.browser, site.server, { width: 375, height: 812 }, plan(null));
    assert.equal(await page.textContent(testid('review-headline')), 'Not reviewed against any catalog yet.');
    assert.equal(await page.locator(testid('review-changes')).count(), 0);
    assert.equal(await page.locator(testid('plan-mark-reviewed')).isDisabled(), false);
    assertNoErrors(page);
    await page.close();
  });
});
