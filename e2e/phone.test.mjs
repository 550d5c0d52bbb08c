// The plan page on a phone (375x812), in headless Chromium: with the four workloads of issue 13
// in storage, the plan summary reads as one card per workload (the name as its heading, each
// cell labelled with its column's heading, the actions last) and nothing on the page is wider
// than the screen; the wizard's model options wrap instead of being cut; axe finds nothing.
// At 1366 and 1920, and in print, the summary stays a table. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const PHONE = { width: 375, height: 812 };

// The walk of issue 13, as a plan file: EU support chat, Canada-only claims triage (nothing
// eligible: a problem row), batch summaries, a fine-tuned classifier.
const PLAN = JSON.stringify({
  version: 1,
  workloads: [
    { name: 'EU support chat', model_id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      source_region: 'eu-central-1', residency: { kind: 'geography', name: 'EU' },
      traffic: 'spiky', sla: 'best_effort' },
    { name: 'Canada claims triage', model_id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      source_region: 'ca-central-1', residency: { kind: 'country', code: 'CA' },
      traffic: 'steady', sla: 'latency_sensitive' },
    { name: 'Batch summaries', model_id: 'amazon.nova-pro-v1:0',
      source_region: 'us-east-1', residency: { kind: 'none' },
      traffic: 'high_volume', sla: 'best_effort' },
    { name: 'Fine-tuned classifier', model_id: 'amazon.nova-pro-v1:0', custom_model: true,
      source_region: 'us-west-2', residency: { kind: 'none' },
      traffic: 'steady', sla: 'guaranteed' },
  ],
});

/** Opens the plan page at `viewport` with the plan in storage; waits for its four rows. */
async function openPlan(browser, server, viewport) {
  const page = await newPage(browser, { viewport });
  await page.addInitScript((plan) => localStorage.setItem('cris-atlas.plan', plan), PLAN);
  await openApp(page, server.url + 'plan/');
  await waitForOrError(page, page.locator(testid('plan-row')).nth(3));
  assert.equal(await page.locator(testid('plan-row')).count(), 4);
  return page;
}

/** How wide the document is, against the viewport. */
const pageWidth = (page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));

/** Each row (`plan-row` unless named) as laid out: its display, box, and its cells' boxes,
 * labels and headings. */
const rowLayouts = (page, row = 'plan-row') =>
  page.locator(testid(row)).evaluateAll((rows) => {
    const headings = [...rows[0].closest('table').querySelectorAll('thead th')].map((th) =>
      th.textContent.trim(),
    );
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return rows.map((row) => ({
      display: getComputedStyle(row).display,
      box: box(row),
      nameBox: box(row.querySelector('th[scope="row"]')),
      cells: [...row.querySelectorAll('td')].map((td) => {
        const before = getComputedStyle(td, '::before');
        return {
          box: box(td),
          heading: headings[td.cellIndex],
          label: ['none', 'normal'].includes(before.content) ? null : before.content,
        };
      }),
      buttons: [...row.querySelectorAll('.row-actions button')].map(box),
    }));
  });

describe('the plan page on a phone', () => {
  const site = siteAndBrowser();

  test('at 375x812 the plan summary is one card per workload, inside the screen', async () => {
    const page = await openPlan(site.browser, site.server, PHONE);
    const { scroll, viewport } = await pageWidth(page);
    assert.ok(scroll <= viewport, `the page is ${scroll} px wide in a ${viewport} px viewport`);
    const wrapper = await page.$eval('.table-scroll:has([data-testid="plan-table"])', (el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    assert.ok(wrapper.scroll <= wrapper.client, `the summary scrolls sideways: ${wrapper.scroll} > ${wrapper.client} px`);

    const rows = await rowLayouts(page);
    let previousBottom = -Infinity;
    for (const [i, row] of rows.entries()) {
      const where = `row ${i + 1}`;
      assert.notEqual(row.display, 'table-row', `${where} is still a table row`);
      assert.ok(row.box.left >= 0 && row.box.right <= PHONE.width, `${where} spans ${row.box.left}..${row.box.right} px`);
      assert.ok(row.box.top >= previousBottom, `${where} overlaps the card above it`);
      previousBottom = row.box.bottom;
      // The name heads the card, across its width.
      assert.ok(row.nameBox.top <= row.cells[0].box.top, `${where}: the name is not the card's heading`);
      assert.ok(row.nameBox.right - row.nameBox.left >= (row.box.right - row.box.left) * 0.9, `${where}: the name is not across the card`);
      // Each cell is a line of the card, below the one before, labelled with its column's heading.
      let lineBottom = row.nameBox.bottom;
      for (const cell of row.cells) {
        assert.ok(cell.box.left >= row.box.left && cell.box.right <= row.box.right, `${where}: ${cell.heading} leaves the card`);
        assert.ok(cell.box.top >= lineBottom - 0.5, `${where}: ${cell.heading} overlaps the line above`);
        lineBottom = cell.box.bottom;
        if (cell.heading !== 'Actions') {
          assert.equal(cell.label, JSON.stringify(cell.heading), `${where}: the ${cell.heading} line is not labelled`);
        }
      }
      // The actions come last, every button inside the card and the screen.
      assert.ok(row.buttons.length >= 3);
      for (const b of row.buttons) {
        assert.ok(b.left >= row.box.left && b.right <= Math.min(row.box.right, PHONE.width), `${where}: a button is cut off`);
        assert.ok(b.top >= row.cells.at(-2).box.bottom - 0.5, `${where}: a button sits above the last line`);
      }
    }
    await assertAccessible(page);

    // A card's buttons are there to be tapped.
    await page.locator(testid('plan-edit')).nth(2).click();
    await waitForOrError(page, page.locator(testid('wizard')));
    assert.equal(await page.inputValue(testid('wz-name')), 'Batch summaries');
    assertNoErrors(page);
    await page.close();
  });

  test('at 375x812 the model picker shows whole names and IDs', async () => {
    const page = await openPlan(site.browser, site.server, PHONE);
    await page.click(testid('plan-add'));
    const picker = page.locator(testid('wz-model'));
    await waitForOrError(page, picker);
    /** Options whose text is wider than their box (cut off), with the count of options. */
    const cut = () =>
      picker.evaluate((select) => {
        const options = [...select.options];
        return {
          count: options.length,
          cut: options.filter((o) => o.scrollWidth > o.clientWidth).map((o) => `${o.textContent} (${o.scrollWidth} > ${o.clientWidth} px)`),
          select: [select.scrollWidth, select.clientWidth],
        };
      });
    // Chat models (the default), then every model: the longest names and IDs.
    for (const task of [null, '']) {
      if (task !== null) await page.selectOption(testid('wz-task'), task);
      const found = await cut();
      assert.ok(found.count >= 20, `only ${found.count} models listed`);
      assert.deepEqual(found.cut, [], `${found.cut.length} of ${found.count} options are cut off`);
      assert.ok(found.select[0] <= found.select[1], `the picker scrolls sideways: ${found.select.join(' > ')} px`);
      const { scroll, viewport } = await pageWidth(page);
      assert.ok(scroll <= viewport, `the page is ${scroll} px wide in a ${viewport} px viewport`);
    }
    await assertAccessible(page);
    assertNoErrors(page);
    await page.close();
  });

  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    test(`at ${width}x${height} the plan summary stays a table`, async () => {
      const page = await openPlan(site.browser, site.server, { width, height });
      for (const row of await rowLayouts(page)) {
        assert.equal(row.display, 'table-row');
        assert.deepEqual(row.cells.map((c) => c.label), row.cells.map(() => null), 'cells carry no label');
      }
      assertNoErrors(page);
      await page.close();
    });
  }

  test('at 375x812 the report\'s summary is one card per workload too', async () => {
    const page = await openPlan(site.browser, site.server, PHONE);
    await openApp(page, site.server.url + 'plan/report/');
    await waitForOrError(page, page.locator(testid('report-row')).nth(3));
    const { scroll, viewport } = await pageWidth(page);
    assert.ok(scroll <= viewport, `the page is ${scroll} px wide in ${viewport}`);
    for (const row of await rowLayouts(page, 'report-row')) {
      assert.equal(row.display, 'block');
      assert.ok(row.box.left >= 0 && row.box.right <= viewport, `a card from ${row.box.left} to ${row.box.right}`);
      for (const cell of row.cells) assert.equal(cell.label, `"${cell.heading}"`);
    }
    assertNoErrors(page);
    await page.close();
  });

  test('printed from a phone, the plan summary is a table', async () => {
    const page = await openPlan(site.browser, site.server, PHONE);
    await page.emulateMedia({ media: 'print' });
    for (const row of await rowLayouts(page)) {
      assert.equal(row.display, 'table-row');
      assert.deepEqual(row.cells.filter((c) => c.label !== null), [], 'cells carry no label');
    }
    assertNoErrors(page);
    await page.close();
  });
});
