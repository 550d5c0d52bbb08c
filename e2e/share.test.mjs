// Share links end to end: a plan built in one browser context opens from its link in a fresh
// context with the same recommendations, read-only until "Replace my plan" (undoable) or "Add
// these workloads to my plan"; a link the atlas command line wrote opens from the site root; a
// bad link says what is wrong and leaves the plan as it was. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';
import { fixture, importPlan } from './plan-io.mjs';

const testid = (id) => `[data-testid="${id}"]`;
/** A link to `bytes` compressed by Node's zlib, not the app's or the CLI's compressor. */
const linkOf = (bytes) => '#/plan/open/v1.' + deflateRawSync(bytes).toString('base64url');

/** What the plan summary and the linked plan's table both show of a workload: its name, the
 * recommended option, the ID to call and the residency verdict, marked ✓, ⚠ or ✗. Both tables list
 * the summary's columns in one order (name, model, source Region, obligation, recommended, ID to
 * call, residency, price, warnings). */
const unmarked = (text) => text.replace(/^[✓⚠✗]\s*/u, '');
const summary = (c) => [c[0], c[4], c[5], c[6]].map(unmarked);

/** Each row of a table as the text of its cells (actions left out). */
function rowsOf(page, row) {
  return page
    .locator(testid(row))
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('th, td:not(.row-actions)')]
          .slice(0, 7)
          .map((c) => c.textContent.trim()),
      ),
    );
}

describe('Share links', () => {
  const site = siteAndBrowser();

  test('a plan built in one context opens from its link in a fresh one, the same', async () => {
    const author = await newPage(site.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await openApp(author, site.server.url + 'plan/');
    await importPlan(author, await fixture('plans/rules.json'));
    const rows = (await rowsOf(author, 'plan-row')).map(summary);
    await author.locator(testid('share-copy')).click();
    await waitForOrError(author, author.locator(testid('share-link')));
    const link = await author.locator(testid('share-link')).inputValue();
    assert.match(link, /\/plan\/#\/plan\/open\/v2\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    assert.match(await author.locator(testid('share-status')).textContent(), /Link copied/);
    assert.equal(await author.evaluate(() => navigator.clipboard.readText()), link);
    assertNoErrors(author);
    await author.close();

    const reader = await newPage(site.browser);
    await openApp(reader, link);
    await waitForOrError(reader, reader.locator(testid('shared-plan')));
    // Read-only first: the reader's own (empty) plan is untouched.
    assert.deepEqual((await rowsOf(reader, 'shared-row')).map(summary), rows);
    assert.equal(await reader.locator(testid('plan-row')).count(), 0);
    await assertAccessible(reader);
    await reader.locator(testid('shared-replace')).click();
    await waitForOrError(reader, reader.locator(testid('shared-taken')));
    assert.deepEqual((await rowsOf(reader, 'plan-row')).map(summary), rows);
    assert.equal(new URL(reader.url()).hash, '', 'the link is spent');
    // Undo brings back the plan from before the link.
    await reader.locator(testid('shared-undo')).click();
    await waitForOrError(reader, reader.locator(testid('plan-empty')));
    assertNoErrors(reader);
    await reader.close();
  });

  test('a link the command line wrote opens from the site root; its workloads can be added', async () => {
    const link = (await fixture('expected/example.link')).trim();
    const report = JSON.parse(await fixture('expected/example.json'));
    const page = await newPage(site.browser);
    await openApp(page, site.server.url + 'plan/');
    await importPlan(page, await fixture('plans/costs.json'));
    const own = (await rowsOf(page, 'plan-row')).map(summary);
    await openApp(page, site.server.url + link);
    assert.equal(new URL(page.url()).pathname, '/plan/');
    await waitForOrError(page, page.locator(testid('shared-plan')));
    const shared = await rowsOf(page, 'shared-row');
    assert.deepEqual(
      shared.map((cells) => [cells[0], cells[5]]),
      report.workloads.map(({ name, recommendation: r }) => [
        name,
        r.option === 'none' ? '—' : (r.profile_id ?? r.model_id),
      ]),
    );
    await page.locator(testid('shared-add')).click();
    await waitForOrError(page, page.locator(testid('shared-taken')));
    assert.deepEqual((await rowsOf(page, 'plan-row')).map(summary), [...own, ...shared.map(summary)]);
    assertNoErrors(page);
    await page.close();
  });

  test('a link pasted into the address bar of the open plan page opens without a reload', async () => {
    const link = (await fixture('expected/example.link')).trim();
    const page = await newPage(site.browser);
    await openApp(page, site.server.url + 'plan/');
    await importPlan(page, await fixture('plans/costs.json'));
    const own = (await rowsOf(page, 'plan-row')).map(summary);
    await page.evaluate(() => { window.sameDocument = true; });
    // Only the fragment differs from the open page: the site.browser does not load it again.
    await page.goto(site.server.url + 'plan/' + link.replace(/^.*#/, '#'));
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was reloaded');
    await waitForOrError(page, page.locator(testid('shared-plan')));
    assert.ok((await rowsOf(page, 'shared-row')).length > 0);
    assert.deepEqual((await rowsOf(page, 'plan-row')).map(summary), own);
    assertNoErrors(page);
    await page.close();
  });

  test('a bad link names what is wrong and leaves the plan as it was', async () => {
    const link = (await fixture('expected/example.link')).trim();
    const page = await newPage(site.browser);
    await openApp(page, site.server.url + 'plan/');
    await importPlan(page, await fixture('plans/costs.json'));
    const own = (await rowsOf(page, 'plan-row')).map(summary);
    // Rows: the link, what the message says.
    const cases = [
      [link.slice(0, -7), /this link is damaged|truncated/],
      // One character changed on the way: the checksum no longer matches.
      [link.replace(/(.)(.)$/, (_, a, b) => a + (b === 'A' ? 'B' : 'A')), /this link is damaged/],
      [link.replace('/v2.', '/v7.'), /version "v7"/],
      [link.replace(/.$/, '!'), /character \d+ of its plan is '!'/],
      ['#/plan/open/v1.' + 'QUFB'.repeat(30000), /at most 100000/],
      // Small, but inflating to 4 MiB: the site.browser stops at 1 MiB.
      [linkOf(Buffer.alloc(4 << 20, 32)), /more than 1048576 bytes/],
      [linkOf(Buffer.from(JSON.stringify({ version: 1, workloads: [{ name: 'X', model_id: 'nobody.model', source_region: 'eu-west-1', residency: { kind: 'none' }, traffic: 'steady', sla: 'best_effort' }] }))), /workload 1 \("X"\), model_id: unknown model "nobody.model"/],
    ];
    for (const [bad, says] of cases) {
      // From another page, so each link is a fresh load.
      await openApp(page, site.server.url + 'data/' + bad);
      await waitForOrError(page, page.locator(testid('shared-failed')));
      assert.match(await page.locator(testid('error-panel')).textContent(), says, bad.slice(0, 40));
      assert.deepEqual((await rowsOf(page, 'plan-row')).map(summary), own);
    }
    // The panel itself (the plan page's own comparison table is checked by its own tests).
    await assertAccessible(page, { context: testid('shared-failed') });
    await page.locator(testid('shared-dismiss')).click();
    assert.equal(await page.locator(testid('shared-failed')).count(), 0);
    assertNoErrors(page);
    await page.close();
  });
});
