// The plan page's downloads: Markdown is byte for byte what `atlas recommend --format markdown`
// printed for each fixture plan (tests/fixtures/expected/*.md, which a native test keeps equal
// to the command's output); CSV (comma- and semicolon-separated) is byte for byte `atlas report
// --format csv|csv-semicolon`, a row per workload. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assertNoErrors, newPage, openApp, siteAndBrowser } from './support.mjs';
import { fixture, importPlan } from './plan-io.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const ROOT = resolve(import.meta.dirname, '..');
const ATLAS = process.env.ATLAS ?? resolve(ROOT, 'target', 'release', 'atlas');

/** Clicks a download button and returns the file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(testid(button)).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

describe('Plan exports', () => {
  const site = siteAndBrowser();

  test('the app and the command line write the same Markdown for every fixture plan', async () => {
    const page = await newPage(site.browser, { acceptDownloads: true });
    await openApp(page, site.server.url + 'plan/');
    for (const name of ['example', 'costs', 'org-policy', 'rules', 'traps']) {
      await importPlan(page, await fixture(`plans/${name}.json`));
      const markdown = await download(page, 'export-markdown');
      assert.equal(markdown.name, 'cris-atlas-plan.md');
      assert.equal(markdown.text, await fixture(`expected/${name}.md`), name);
      // CSV: the command line's, comma- and semicolon-separated.
      for (const [id, format] of [['export-csv', 'csv'], ['export-csv-semicolon', 'csv-semicolon']]) {
        const csv = await download(page, id);
        const cli = execFileSync(ATLAS, ['report', `tests/fixtures/plans/${name}.json`, '--format', format], { cwd: ROOT, encoding: 'utf8' });
        assert.equal(csv.text, cli, `${name}: ${format}`);
        assert.equal(csv.text.split('\r\n').length - 2, JSON.parse(await fixture(`plans/${name}.json`)).workloads.length, `${name}: a row per workload`);
      }
    }
    assertNoErrors(page);
    await page.close();
  });
});
