// The whole prerendered site under a strict Content-Security-Policy, in headless Chromium:
// every page of sitemap.xml is served with the policy as a response header (as hosts that
// support headers set it) and must load, hydrate or be enhanced, with no CSP violation, no
// console error, no failed request and no request leaving the origin; every page carries its
// own title, description, canonical URL and Open Graph tags, and no `style` attribute.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST_DIR, assertNoErrors, launchBrowser, newPage, openApp, serveDist } from './support.mjs';

/** The policy every page's <meta http-equiv="Content-Security-Policy"> states. */
async function pagePolicy() {
  const home = await readFile(join(DIST_DIR, 'index.html'), 'utf8');
  const policy = home.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'the home page states a Content-Security-Policy');
  return policy.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

describe('every page under a strict Content-Security-Policy', () => {
  let browser;
  let server;
  let pages;
  let policy;

  before(async () => {
    policy = await pagePolicy();
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    server = await serveDist({ headers: { 'content-security-policy': policy } });
    browser = await launchBrowser();
    const sitemap = await readFile(join(DIST_DIR, 'sitemap.xml'), 'utf8');
    pages = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
    assert.ok(pages.length > 250, `${pages.length} pages in the sitemap`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every page loads and runs without a violation, an error or a foreign request', async () => {
    const page = await newPage(browser);
    const foreign = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== new URL(server.url).origin) foreign.push(r.url());
    });
    const violations = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    for (const path of pages) {
      await openApp(page, server.url + path);
      const head = await page.evaluate(() => ({
        title: document.title,
        description: document.querySelector('meta[name="description"]')?.content ?? '',
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        og: document.querySelectorAll('meta[property^="og:"]').length,
        styled: document.querySelectorAll('[style]').length,
      }));
      assert.ok(head.title.includes('CRIS Atlas'), `${path}: title ${head.title}`);
      assert.ok(head.description.length > 30, `${path}: description`);
      assert.equal(head.canonical, path, `${path}: canonical URL`);
      assert.equal(head.og, 5, `${path}: Open Graph tags`);
      assert.equal(head.styled, 0, `${path}: elements with a style attribute`);
    }
    assert.deepEqual(violations, []);
    assert.deepEqual(foreign, [], 'requests that left the origin');
    assertNoErrors(page);
    await page.close();
  });
});
