// Offline use in headless Chromium: after one visit, the service worker has every file of the
// build, so with the network off any page opens and the search still works; a new build
// replaces the cache, and an open page says a newer version is available.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, assertNoErrors, launchBrowser, newPage, openApp, serveDir } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;

/** Opens the site and waits until its service worker controls the page. */
async function firstVisit(page, url) {
  await openApp(page, url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('offline use', () => {
  let browser;
  let copy;
  let server;

  before(async () => {
    // A copy of the build, so a test can publish a "new build" over it.
    copy = await mkdtemp(join(tmpdir(), 'cris-atlas-offline-'));
    await cp(DIST_DIR, copy, { recursive: true });
    server = await serveDir(copy);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  test('after one visit every page opens, the plan and the search work with the network off', async () => {
    const page = await newPage(browser);
    await firstVisit(page, server.url);
    await page.context().setOffline(true);
    for (const path of [
      'explore/',
      'model/amazon.nova-lite-v1~0/',
      'profile/us.amazon.nova-lite-v1~0/?from=us-east-1',
      'region/eu-west-3/',
      'concepts/residency/',
      'plan/',
    ]) {
      await openApp(page, server.url + path);
    }
    // The plan works offline: its catalog comes from the worker's cache.
    await openApp(page, server.url + 'plan/');
    await page.click(testid('plan-add'));
    await page.locator(testid('wizard')).waitFor();
    await openApp(page, server.url + 'explore/');
    await page.locator('#q').fill('nova lite');
    await page.waitForURL(/q=nova%20lite/);
    const rows = await page.locator(testid('model-row')).count();
    assert.ok(rows >= 1 && rows < 10, `${rows} rows for "nova lite" offline`);
    await page.context().setOffline(false);
    assertNoErrors(page);
    await page.close();
  });

  test('a new build replaces the cache and the open page says a newer version is available', async () => {
    const page = await newPage(browser);
    await firstVisit(page, server.url + 'explore/');
    // A later visit: the page is controlled by the worker from its start.
    await openApp(page, server.url + 'explore/');
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);
    // Publish a "new build": another version and catalog date in the service worker.
    const sw = await readFile(join(copy, 'sw.js'), 'utf8');
    await writeFile(
      join(copy, 'sw.js'),
      sw.replace(/const VERSION = "[^"]*";/, 'const VERSION = "next-build";')
        .replace(/const CATALOG = "[^"]*";/, 'const CATALOG = "2099-01-01";'),
    );
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.locator('#update:not([hidden])').waitFor();
    assert.match(await page.locator('#update').textContent(), /newer version.*2099-01-01/);
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['next-build']);
    await page.locator('#update-reload').click();
    await page.waitForLoadState('load');
    assertNoErrors(page);
    await page.close();
  });
});
