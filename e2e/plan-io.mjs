// Plan files in the end-to-end tests: the repository's fixtures, and importing one through the
// plan page's paste box.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const testid = (id) => `[data-testid="${id}"]`;

/** A file under tests/fixtures/, as text. */
export const fixture = (path) => readFile(resolve(import.meta.dirname, '..', 'tests', 'fixtures', path), 'utf8');

/** Imports a plan file through the plan page's paste box; waits for its rows. */
export async function importPlan(page, text, rows = JSON.parse(text).workloads.length) {
  await page.locator('.import-export').evaluate((details) => {
    details.open = true;
  });
  await page.locator(testid('plan-paste')).fill(text);
  await page.locator(testid('plan-import')).click();
  // Imported: the box is emptied and the table has the plan's rows.
  await Promise.race([
    page.waitForFunction(
      ([paste, row, n]) =>
        document.querySelector(paste).value === '' && document.querySelectorAll(row).length === n,
      [testid('plan-paste'), testid('plan-row'), rows],
    ),
    page.firstError,
  ]);
}

