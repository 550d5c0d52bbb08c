// The printable report (`atlas report --format html`) in Chromium's print engine: one
// self-contained file (the page makes no request), every workload starting a new page on A4
// and US Letter, no table row split across pages. Run with `make e2e` (after `make dist`,
// which builds the release `atlas`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchBrowser, newPage } from './support.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const ATLAS = process.env.ATLAS ?? resolve(ROOT, 'target', 'release', 'atlas');

/** The number of pages in a PDF: its page objects. */
const pageCount = (pdf) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

describe('Printable report', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('prints each workload from a new page on A4 and US Letter, rows unsplit', async () => {
    const html = execFileSync(ATLAS, ['report', 'tests/fixtures/plans/rules.json', '--format', 'html'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const page = await newPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html);
    assert.deepEqual(requests, [], 'self-contained');
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('section.workload')].map(
        (s) => getComputedStyle(s).breakBefore,
      ),
      rows: [...document.querySelectorAll('tr')].every((tr) => getComputedStyle(tr).breakInside === 'avoid'),
      scripts: document.scripts.length,
    }));
    assert.equal(layout.sections.length, 6);
    assert.ok(layout.sections.every((b) => b === 'page'), layout.sections.join());
    assert.ok(layout.rows);
    assert.equal(layout.scripts, 0);
    for (const format of ['A4', 'Letter']) {
      const pages = pageCount(await page.pdf({ format }));
      // The summary, then each of the six workloads from a page of its own (the global
      // profile's Region list makes some run onto a second page).
      assert.ok(pages >= 7 && pages <= 24, `${format}: ${pages} pages`);
      console.log(`report of 6 workloads: ${pages} pages on ${format}`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
