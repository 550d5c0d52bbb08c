// End-to-end checks of the plan page's storage notices on the built site (dist/) in headless
// Chromium: a saved plan this build cannot read is left in storage and the page offers its
// choices without errors and without axe-core violations, readable at 375 px; another tab's
// save (a second page of the same browser context) appears in the first. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const KEY = 'cris-atlas.plan';
const UNREADABLE = '{"version":1,"workloads":[{"name":"Kept","model_id":"acme.gone"}]}';
const workload = (name) => ({
  name,
  model_id: 'amazon.nova-lite-v1:0',
  source_region: 'us-east-1',
  residency: { kind: 'none' },
  traffic: 'steady',
  sla: 'best_effort',
});

describe('plan page storage', () => {
  const site = siteAndBrowser();

  test('an unreadable saved plan is kept and its choices are accessible at 375 px', async () => {
    const page = await newPage(site.browser, { viewport: { width: 375, height: 800 } });
    await page.addInitScript(
      ([key, text]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY, UNREADABLE],
    );
    await openApp(page, `${site.server.url}plan/`);
    const notice = page.locator(testid('storage-notice'));
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be read/);
    assert.equal(await page.locator(testid('plan-add')).isDisabled(), true);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), UNREADABLE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling at 375 px');
    await assertAccessible(page);
    if (process.env.SHOT_DIR) await page.screenshot({ path: `${process.env.SHOT_DIR}/storage-notice.png`, fullPage: true });
    assertNoErrors(page);
    await page.close();
  });

  test("another tab's save appears in this one", async () => {
    const context = await site.browser.newContext();
    const first = await context.newPage();
    await first.goto(`${site.server.url}plan/`);
    await first.evaluate(
      ([key, plan]) => localStorage.setItem(key, plan),
      [KEY, JSON.stringify({ version: 1, workloads: [workload('One')] })],
    );
    await first.reload();
    await first.locator(testid('plan-row')).first().waitFor();
    const second = await context.newPage();
    await second.goto(`${site.server.url}plan/`);
    await second.locator('html[data-ready]').waitFor({ state: 'attached' });
    await second.evaluate(
      ([key, plan]) => localStorage.setItem(key, plan),
      [KEY, JSON.stringify({ version: 1, workloads: [workload('One'), workload('Two')] })],
    );
    await first.waitForFunction(
      (sel) => document.querySelectorAll(sel).length === 2,
      testid('plan-row'),
    );
    assert.equal(await first.locator(testid('storage-notice')).count(), 0);
    await context.close();
  });
});
