// End-to-end checks of the explorer's pages in the built app (dist/), in headless Chromium:
// every page opens from its URL and passes axe-core with zero violations (also at 375 px and in
// dark mode); the source Region is chosen by keyboard; copying puts the ID on the clipboard;
// the CSV download holds the filtered list.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser } from './support.mjs';

const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1~0';
const PAGES = {
  explore: 'explore/?q=sonnet&from=ca-central-1',
  model: `model/${SONNET}/`,
  'profile at its usual source': `profile/eu.${SONNET}/`,
  'profile from ca-central-1': `profile/us.${SONNET}/?from=ca-central-1`,
  'global profile': `profile/global.${SONNET}/?from=eu-west-1`,
  region: 'region/ca-central-1/',
};
const testid = (id) => `[data-testid="${id}"]`;
// What each page shows once it has rendered: a selector and a text it contains.
const READY = {
  explore: [testid('result-count'), 'model'],
  model: [testid('model-id'), 'anthropic.claude-sonnet-4-5-20250929-v1:0'],
  'profile at its usual source': [testid('default-source'), 'eu-central-1'],
  'profile from ca-central-1': [testid('source-warnings'), 'data leaves Canada'],
  'global profile': [testid('profile-id'), 'global.'],
  region: [testid('region-facts'), 'Canada'],
};

describe('explorer pages', () => {
  const site = siteAndBrowser();

  for (const [name, hash] of Object.entries(PAGES)) {
    test(`${name}: opens from its URL with zero axe-core violations`, async () => {
      const page = await newPage(site.browser);
      await openApp(page, site.server.url + hash);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });
  }

  for (const [label, options] of [
    ['375 px', { viewport: { width: 375, height: 800 } }],
    ['dark mode', { colorScheme: 'dark' }],
  ]) {
    test(`the profile page passes axe-core at ${label} and fits the width`, async () => {
      const page = await newPage(site.browser, options);
      await openApp(page, site.server.url + PAGES['profile from ca-central-1']);
      await assertAccessible(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, 'no horizontal scrolling of the page itself');
      assertNoErrors(page);
      await page.close();
    });
  }

  test('each page shows what its URL asks for once hydrated', async () => {
    const page = await newPage(site.browser);
    for (const [name, path] of Object.entries(PAGES)) {
      await openApp(page, site.server.url + path);
      const [selector, text] = READY[name];
      await page.locator(selector).filter({ hasText: text }).first().waitFor();
    }
    assertNoErrors(page);
    await page.close();
  });

  test('the source Region is chosen by keyboard and the map follows it', async () => {
    const page = await newPage(site.browser);
    await openApp(page, site.server.url + `profile/us.${SONNET}/`);
    const select = page.locator(testid('source-select'));
    await select.focus();
    // The page starts at us-east-1, the usual source; the option before it is ca-central-1.
    assert.equal(await select.inputValue(), 'us-east-1');
    await page.keyboard.press('ArrowUp');
    await page.waitForURL(/from=ca-central-1$/);
    await page.locator(testid('source-warnings')).getByText('data leaves Canada').waitFor();
    assert.equal(await page.locator(testid('route-line')).count(), 4);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'source');
    assert.match(
      await page.locator('svg[role="img"] desc').textContent(),
      /^Routes from the source Region ca-central-1/,
    );
    assertNoErrors(page);
    await page.close();
  });

  test('copy puts the profile ID on the clipboard and says so', async () => {
    const page = await newPage(site.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await openApp(page, site.server.url + PAGES['profile from ca-central-1']);
    await page.locator(testid('copy-id')).click();
    await page.locator(testid('copy-id-status')).getByText('Copied').waitFor();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
    await page.locator(testid('copy-markdown')).click();
    await page.locator(testid('copy-markdown-status')).getByText('Copied').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(markdown, /^\| Source Regions \| Destination Regions \| Countries \|$/m);
    assert.match(markdown, /^\| ca-central-1 \| ca-central-1, us-east-1, us-east-2, us-west-2 \| Canada, United States of America \|$/m);
    assertNoErrors(page);
    await page.close();
  });

  test('the CSV download holds the filtered list', async () => {
    const page = await newPage(site.browser, { acceptDownloads: true });
    await openApp(page, site.server.url + 'explore/?q=claude-sonnet-4-5-2025&from=ca-central-1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(testid('download-csv')).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'cris-atlas-models.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'provider,model_name,model_id,lifecycle,end_of_life,option,id_to_call,source_regions,destination_regions,countries');
    assert.ok(
      lines.includes(
        'Anthropic,Claude Sonnet 4.5,anthropic.claude-sonnet-4-5-20250929-v1:0,legacy,2027-04-08,Geographic (US),' +
          'us.anthropic.claude-sonnet-4-5-20250929-v1:0,ca-central-1,ca-central-1; us-east-1; us-east-2; us-west-2,' +
          'Canada; United States of America',
      ),
      csv,
    );
    assert.equal(await page.locator(testid('error-panel')).count(), 0);
    assertNoErrors(page);
    await page.close();
  });
});
