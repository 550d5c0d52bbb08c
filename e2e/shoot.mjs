// Screenshots for looking at pages by eye: `node shoot.mjs OUT_DIR ROUTE...` serves dist/,
// opens each route at 1366x768, 1920x1080 and 375x812 in headless Chromium and writes one PNG
// per route and size (full page). A route may end with `@print` to also print it to PDF (A4).
// PLAN=plan.json puts that plan file in the page's storage first, as if it had been entered.
import { mkdir, readFile } from 'node:fs/promises';
import { launchBrowser, serveDist } from './support.mjs';

const [out, ...routes] = process.argv.slice(2);
if (!out || routes.length === 0) {
  console.error('usage: node shoot.mjs OUT_DIR ROUTE...   (ROUTE like "plan/" or "plan/@print")');
  process.exit(2);
}
await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
const sizes = [[1366, 768], [1920, 1080], [375, 812]];
const plan = process.env.PLAN ? await readFile(process.env.PLAN, 'utf8') : null;
try {
  for (const spec of routes) {
    const [route, mode] = spec.split('@print').length > 1 ? [spec.replace('@print', ''), 'print'] : [spec, ''];
    const slug = route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    for (const [width, height] of sizes) {
      const page = await browser.newPage({ viewport: { width, height } });
      if (plan) {
        await page.addInitScript((text) => localStorage.setItem('cris-atlas.plan', text), plan);
      }
      await page.goto(server.url + route);
      await page.locator('html[data-ready]').waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${out}/${slug}-${width}.png`, fullPage: true });
      if (mode === 'print' && width === 1366) {
        await page.pdf({ path: `${out}/${slug}.pdf`, format: 'A4' });
      }
      await page.close();
    }
    console.log(`${route}: ${out}/${slug}-*.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
