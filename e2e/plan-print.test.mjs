// Printing the plan page: the plan summary keeps every workload's name (on screen each name is
// a button that selects the workload, and print hides buttons), while the page's controls stay
// hidden. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoErrors, newPage, openApp, siteAndBrowser } from './support.mjs';
import { fixture, importPlan } from './plan-io.mjs';

const testid = (id) => `[data-testid="${id}"]`;

describe('Printing the plan page', () => {
  const site = siteAndBrowser();

  test('the summary prints every workload name and no control', async () => {
    const page = await newPage(site.browser);
    await openApp(page, site.server.url + 'plan/');
    const plan = await fixture('plans/rules.json');
    await importPlan(page, plan);
    await page.emulateMedia({ media: 'print' });
    const names = JSON.parse(plan).workloads.map((w) => w.name);
    const printed = await page.locator(testid('plan-select')).evaluateAll((buttons) =>
      buttons.filter((b) => b.getClientRects().length > 0).map((b) => b.textContent.trim()),
    );
    assert.deepEqual(printed, names);
    // The row actions and the toolbar are still left out of print.
    for (const id of ['plan-edit', 'plan-delete', 'plan-add']) {
      const shown = await page.locator(testid(id)).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
      assert.equal(shown, 0, `${id} is printed`);
    }
    assertNoErrors(page);
    await page.close();
  });
});
