// The catalog's data file in headless Chromium: a page with an island fetches it once (preloaded
// beside the module) before it hydrates; when the fetch fails (no connection, an HTTP error, a
// file cut short), the prerendered page stays readable, a panel says why, and Retry loads it
// and makes the page live. A static page fetches no catalog.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP, READY, assertNoErrors, newPage, siteAndBrowser } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const DATA_FILE = /\/catalog-[0-9a-f]{16}\.bin$/;

/** How each kind of failure is served, and what the panel must say about it. */
const FAILURES = [
  ['no connection', (route) => route.abort('connectionrefused'), /could not be fetched/],
  ['an HTTP error', (route) => route.fulfill({ status: 503, body: 'busy' }), /answered 503/],
  ['a file cut short', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
  }, /data file: .*end of buffer/],
];

describe("the catalog's data file", () => {
  const site = siteAndBrowser();

  for (const [what, fail, says] of FAILURES) {
    test(`the plan page says why when the catalog fails (${what}) and recovers on Retry`, async () => {
      const page = await newPage(site.browser);
      let failing = true;
      const requests = [];
      await page.route(DATA_FILE, (route) => {
        requests.push(route.request().url());
        return failing ? fail(route) : route.continue();
      });
      await page.goto(site.server.url + 'plan/');
      const status = page.locator(testid('catalog-status'));
      await status.waitFor();
      assert.match(await status.textContent(), /The catalog could not be loaded/);
      assert.match(await status.locator('.error-message').textContent(), says);
      // The prerendered page is still there, not live yet.
      assert.ok(await page.locator(APP).locator(testid('plan-add')).isVisible());
      assert.equal(await page.locator(READY).count(), 0);

      failing = false;
      await page.click(testid('catalog-retry'));
      await page.locator(READY).waitFor({ state: 'attached' });
      assert.equal(await status.count(), 0, 'the panel is gone once the catalog is in');
      await page.click(testid('plan-add'));
      await page.locator(testid('wizard')).waitFor();
      assert.ok(requests.length >= 2, `${requests.length} requests for the data file`);
      // The only errors the page reported are the failed fetches of the data file.
      const others = page.errors.filter((e) => !/catalog-[0-9a-f]{16}\.bin|Failed to load resource/.test(e));
      assert.deepEqual(others, []);
      await page.close();
    });
  }

  test('the explorer fetches the data file once; a static page fetches none', async () => {
    const page = await newPage(site.browser);
    const fetched = [];
    page.on('request', (r) => {
      if (DATA_FILE.test(new URL(r.url()).pathname)) fetched.push(r.url());
    });
    await page.goto(site.server.url + 'explore/');
    await page.locator(READY).waitFor({ state: 'attached' });
    assert.equal(fetched.length, 1, fetched.join('\n'));
    await page.locator('#q').fill('nova lite');
    await page.waitForURL(/q=nova%20lite/);
    assert.ok((await page.locator(testid('model-row')).count()) >= 1);
    fetched.length = 0;
    await page.goto(site.server.url + 'concepts/');
    await page.locator(READY).waitFor({ state: 'attached' });
    assert.deepEqual(fetched, []);
    assertNoErrors(page);
    await page.close();
  });
});
