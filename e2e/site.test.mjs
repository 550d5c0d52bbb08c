// The whole prerendered site under a strict Content-Security-Policy, in headless Chromium:
// every page of sitemap.xml is served with the build's header policy (`_headers`, as hosts
// that support headers set it) and must load, hydrate or be enhanced, with no CSP violation, no
// console error, no failed request and no request leaving the origin; every page carries its
// own title, description, canonical URL and Open Graph tags, and no `style` attribute.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST_DIR, assertNoErrors, launchBrowser, newPage, openApp, serveDist } from './support.mjs';

/** The policy the build writes for hosts to send as a header (`_headers`): it allows the
 * bootstrap of both modules, as one header serves every page. */
async function headerPolicy() {
  const headers = await readFile(join(DIST_DIR, '_headers'), 'utf8');
  const policy = headers.match(/Content-Security-Policy: ([^\n]+)/)?.[1];
  assert.ok(policy, '_headers states a Content-Security-Policy');
  return policy;
}

/** The policy a page's <meta http-equiv="Content-Security-Policy"> states. */
const pagePolicy = (html) =>
  html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"');

/** The script hashes a policy allows. */
const scriptHashes = (policy) => policy.match(/script-src ([^;]*)/)[1].match(/'sha256-[^']+'/g) ?? [];

/** The WebAssembly module a page's bootstrap fetches. */
const moduleOf = (html) => html.match(/fetch\('\.\/([^']+\.wasm)'/)?.[1];

describe('every page under a strict Content-Security-Policy', () => {
  let browser;
  let server;
  let pages;
  let policy;

  before(async () => {
    policy = await headerPolicy();
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    // The catalog's data file is fetched from the site itself: nothing wider is allowed.
    assert.match(policy, /connect-src 'self';/);
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

  test('the explorer and static pages load the lite module, the plan and profiles the full one', async () => {
    const read = (file) => readFile(join(DIST_DIR, file), 'utf8');
    // Trunk writes the content hash in hex without leading zeros: up to 16 digits.
    const lite = /^cris-atlas-lite-[0-9a-f]{1,16}_bg\.wasm$/;
    const full = /^cris-atlas-[0-9a-f]{1,16}_bg\.wasm$/;
    const profile = pages.find((p) => p.startsWith('profile/'));
    const model = pages.find((p) => p.startsWith('model/'));
    const cases = [['index.html', lite], ['explore/index.html', lite], [`${model}index.html`, lite], ['concepts/index.html', lite],
      ['plan/index.html', full], ['plan/report/index.html', full], [`${profile}index.html`, full], ['errors/index.html', full]];
    for (const [file, kind] of cases) {
      const html = await read(decodeURIComponent(file));
      assert.match(moduleOf(html) ?? '', kind, file);
      // Each page allows only its own bootstrap; the header, serving every page, allows both.
      const own = scriptHashes(pagePolicy(html));
      assert.equal(own.length, 1, file);
      assert.ok(scriptHashes(policy).includes(own[0]), file);
    }
    assert.equal(new Set(scriptHashes(policy)).size, 2);
    // The lite module is less than half the full one: that is its reason to be.
    const sizeOf = async (file) => (await stat(join(DIST_DIR, moduleOf(await read(file))))).size;
    const [liteSize, fullSize] = [await sizeOf('explore/index.html'), await sizeOf('plan/index.html')];
    assert.ok(liteSize * 2 < fullSize, `lite ${liteSize} B, full ${fullSize} B`);
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
