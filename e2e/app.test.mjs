// End-to-end checks of the built site (dist/) in headless Chromium: the home page renders
// without errors and passes axe-core; the site works under a sub-path at any depth; a link of
// the first version redirects to its page; 404.html stands on its own at any depth; and with
// JavaScript off every kind of page still reads and its links work. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP, assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;

describe('CRIS Atlas site', () => {
  const site = siteAndBrowser();

  test('renders the home page with its name, without errors', async () => {
    const page = await newPage(site.browser);
    await openApp(page, site.server.url);
    assert.match(await page.title(), /CRIS Atlas/);
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal((await heading.textContent())?.trim(), 'CRIS Atlas');
    assertNoErrors(page);
    await page.close();
  });

  test('has no axe-core accessibility violations', async () => {
    const page = await newPage(site.browser);
    await openApp(page, site.server.url);
    await assertAccessible(page);
    assertNoErrors(page);
    await page.close();
  });

  test('a link of the first version opens its page', async () => {
    const page = await newPage(site.browser);
    await openApp(page, site.server.url + '#/explore?q=claude-sonnet-4-5-2025');
    assert.equal(new URL(page.url()).pathname, '/explore/');
    assert.equal(new URL(page.url()).search, '?q=claude-sonnet-4-5-2025');
    assert.equal(await page.locator(testid('model-row')).count(), 1);
    assertNoErrors(page);
    await page.close();
  });

  test('a missing page gets the stand-alone 404 page at any depth', async () => {
    const page = await newPage(site.browser);
    for (const path of ['nowhere/', 'model/no-such-model/', 'a/b/c/d/e']) {
      const response = await page.goto(site.server.url + path);
      assert.equal(response.status(), 404);
      assert.match(await page.locator(testid('not-found')).textContent(), /Nothing lives at this address/);
      assert.equal(await page.getByRole('link', { name: /home page/ }).getAttribute('href'), '/');
    }
    // Only the 404 responses themselves: the page loads nothing else.
    assert.ok(page.errors.every((e) => e.startsWith('HTTP 404') || e.includes('404 (Not Found)')), page.errors.join('\n'));
    await page.close();
  });

  test('with JavaScript off, every kind of page reads and its links work', async () => {
    const page = await newPage(site.browser, { javaScriptEnabled: false });
    await openApp(page, site.server.url + 'explore/');
    const models = await page.locator('li.result').count();
    assert.ok(models > 100, `${models} models listed`);
    // A model with profiles, so its page links to them.
    await page.locator(`${testid('model-link')}[href*="anthropic.claude-sonnet-4-5-"]`).first().click();
    await page.locator(testid('model-matrix')).waitFor();
    assert.match(page.url(), /\/model\/[^/]+\/$/);
    await page.locator('main a[href^="profile/"]').first().click();
    await page.locator(testid('destination-row')).first().waitFor();
    await page.locator('main a[href^="region/"]').first().click();
    await page.locator(testid('region-facts')).waitFor();
    await page.goto(site.server.url + 'concepts/residency/');
    assert.match(await page.locator('h1').textContent(), /Data residency/);
    await page.goto(site.server.url + 'plan/');
    assert.match(await page.locator('h1').textContent(), /Plan workloads/);
    assertNoErrors(page);
    await page.close();
  });
});

// dist/ must work from any static host path: every page sets <base href> to the site root.
describe('CRIS Atlas site under a sub-path', () => {
  const site = siteAndBrowser({ basePath: '/some/sub/path/' });

  test('loads every asset relative to the site root, at any depth', async () => {
    const page = await newPage(site.browser);
    for (const path of ['', 'explore/', 'model/amazon.nova-lite-v1~0/', 'concepts/choice/']) {
      await openApp(page, site.server.url + path);
      assert.equal(await page.locator(APP).count(), 1);
    }
    // A link from a deep page goes to the right page under the sub-path.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await page.waitForURL(/\/some\/sub\/path\/plan\/$/);
    assertNoErrors(page);
    const outside = site.server.requests.filter((r) => !r.split(' ')[1].startsWith('/some/sub/path/'));
    assert.deepEqual(outside, [], 'requests outside the sub-path');
  });
});
