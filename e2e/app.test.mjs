// End-to-end checks of the built app (dist/) in headless Chromium: it renders, shows its
// name, reports no errors and passes axe-core. Run with `make e2e` (builds dist/ first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APP,
  assertAccessible,
  assertNoErrors,
  launchBrowser,
  newPage,
  openApp,
  serveDist,
} from './support.mjs';

describe('CRIS Atlas app', () => {
  let browser;
  let server;

  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('renders the app with its name, without errors', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);

    assert.match(await page.title(), /CRIS Atlas/);
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal((await heading.textContent())?.trim(), 'CRIS Atlas');

    assertNoErrors(page);
    await page.close();
  });

  test('has no axe-core accessibility violations', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);
    await assertAccessible(page);
    assertNoErrors(page);
    await page.close();
  });
});

// dist/ must work from any static host path (relative asset URLs, Trunk public_url = "./").
describe('CRIS Atlas app under a sub-path', () => {
  test('loads every asset relative to the page', async () => {
    const server = await serveDist({ basePath: '/some/sub/path/' });
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      await openApp(page, server.url);
      assert.equal(await page.locator(APP).count(), 1);
      assertNoErrors(page);
      const outside = server.requests.filter((r) => !r.split(' ')[1].startsWith('/some/sub/path/'));
      assert.deepEqual(outside, [], 'requests outside the sub-path');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
