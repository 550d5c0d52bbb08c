// The plan's report page (`plan/report/`): every workload's recommendation, map, comparison and
// IAM resources from the plan in storage; printed to PDF on A4 and US Letter, each workload
// starts a page (read from the PDF's outline, which Chromium builds from the headings of a tagged PDF);
// presented, one slide at a time, moved by the keys, in large type at projector and laptop
// sizes, every slide of both insurer plans fitting the screen. Run with `make e2e`.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';
import { fixture, importPlan } from './plan-io.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const ROOT = resolve(import.meta.dirname, '..');
const ATLAS = process.env.ATLAS ?? resolve(ROOT, 'target', 'release', 'atlas');

/** What a report shows in text: the summary's cells, each workload's
 * heading and IAM resources. The app's page and `atlas report --format html` both have it. */
function reportText() {
  const cells = (tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
  const summary = [...document.querySelector('table').tBodies[0].rows].map(cells);
  const sections = [...document.querySelectorAll('section')].filter((s) => /^\d+\. /.test(s.querySelector('h2')?.textContent ?? ''));
  return {
    summary,
    workloads: sections.map((s) => ({
      title: s.querySelector('h2').textContent.trim(),
      resources: [...s.querySelectorAll('ul.resources code')].map((c) => c.textContent),
    })),
  };
}

/**
 * The PDF's pages (in order, by object number) and its outline entries, each with the index
 * of the page it points to and how far from the page's top (in points). Chromium writes the
 * outline and page tree as plain objects; only content streams are compressed.
 */
function readPdf(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
  const kidsOf = (body) => [...(body.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  const root = [...objects.entries()].find(([, body]) => /\/Type\s*\/Pages\b/.test(body) && !/\/Parent\b/.test(body));
  assert.ok(root, 'a page tree');
  const pages = [];
  const walk = (n) => {
    const body = objects.get(n);
    if (/\/Type\s*\/Pages\b/.test(body)) kidsOf(body).forEach(walk);
    else pages.push(n);
  };
  walk(root[0]);
  const height = (n) => Number(objects.get(n).match(/\/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+[\d.]+\s+([\d.]+)/)?.[1]);
  const title = (body) => {
    const hex = body.match(/\/Title\s*<FEFF([0-9A-Fa-f]*)>/);
    if (hex) return Buffer.from(hex[1], 'hex').swap16().toString('utf16le');
    return body.match(/\/Title\s*\(((?:\\.|[^\\)])*)\)/)?.[1].replace(/\\(.)/g, '$1');
  };
  const outline = [];
  for (const body of objects.values()) {
    const dest = body.match(/\/Dest\s*\[\s*(\d+) 0 R\s*\/XYZ\s+[\d.-]+\s+([\d.-]+)/);
    const name = title(body);
    if (dest && name !== undefined) {
      const page = pages.indexOf(Number(dest[1]));
      outline.push({ title: name, page, fromTop: height(pages[page]) - Number(dest[2]) });
    }
  }
  return { pages: pages.length, outline };
}

/** The text of each page of a PDF, read by poppler's `pdftotext` (poppler-utils); the test fails
 * where it is missing. */
function pdfPages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  let text;
  try {
    text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`pdftotext (apt-get install poppler-utils) could not read the PDF: ${e.message}`);
  }
  return text.split('\f').slice(0, -1);
}

/** Printable widths in CSS pixels: the paper less the report's 12 mm side margins. */
const PRINTABLE = { A4: Math.floor(((210 - 24) * 96) / 25.4), Letter: Math.floor(8.5 * 96 - (24 * 96) / 25.4) };

describe('The plan report page', () => {
  const site = siteAndBrowser();
  let plan;
  let names;

  before(async () => {
    plan = await fixture('plans/rules.json');
    names = JSON.parse(plan).workloads.map((w) => w.name);
  });

  /** A page showing the report of a plan (the rules fixture), opened from the plan page's link. */
  async function openReport(viewport, text = plan) {
    const page = await newPage(site.browser, viewport ? { viewport } : {});
    await openApp(page, site.server.url + 'plan/');
    await importPlan(page, text);
    await page.locator(testid('open-report')).click();
    await waitForOrError(page, page.locator('html[data-ready]'), { state: 'attached' });
    await waitForOrError(page, page.locator(testid('report-workload')).first());
    return page;
  }

  test('shows every workload with its recommendation, map, comparison and IAM resources', async () => {
    const page = await openReport();
    assert.equal(new URL(page.url()).pathname, '/plan/report/');
    const rows = await page.locator(`${testid('report-row')} th`).allTextContents();
    assert.deepEqual(rows.map((t) => t.trim()), names);
    const sections = await page.locator(testid('report-workload')).evaluateAll((all) =>
      all.map((s) => ({
        title: s.querySelector('h2').textContent.trim(),
        recommendation: !!s.querySelector('[data-testid="recommendation"]'),
        comparison: !!s.querySelector('[data-testid="comparison"]'),
        map: !!s.querySelector('[data-testid="route-map"]'),
        chosen: !!s.querySelector('[data-testid="call-id"]'),
        resources: [...s.querySelectorAll('[data-testid="report-resources"] code')].map((c) => c.textContent),
        asOf: s.querySelector('.report-as-of')?.textContent ?? '',
      })),
    );
    assert.deepEqual(sections.map((s) => s.title), names.map((n, i) => `${i + 1}. ${n}`));
    for (const s of sections) {
      assert.ok(s.recommendation && s.comparison, s.title);
      // A workload with a recommendation shows where it is processed and what IAM must allow.
      assert.equal(s.map, s.chosen, s.title);
      assert.equal(s.resources.length > 0, s.chosen, s.title);
      assert.ok(s.resources.every((r) => r.startsWith('arn:aws:bedrock:')), s.resources.join());
      assert.match(s.asOf, /Catalog as of \d{4}-\d{2}-\d{2}.*not legal advice/);
    }
    assert.ok(sections.some((s) => s.chosen) && sections.some((s) => !s.chosen), 'both kinds in the fixture');
    // The command line's HTML report says the same.
    const app = await page.evaluate(reportText);
    const html = execFileSync(ATLAS, ['report', 'tests/fixtures/plans/rules.json', '--format', 'html'], { cwd: ROOT, encoding: 'utf8' });
    const cli = await newPage(site.browser);
    await cli.setContent(html);
    assert.deepEqual(await cli.evaluate(reportText), app);
    assert.equal(app.summary.length, names.length);
    assert.deepEqual(app.workloads.map((w) => w.resources), sections.map((s) => s.resources));
    await cli.close();
    await assertAccessible(page);
    assertNoErrors(page);
    await page.close();
  });

  test('prints each workload from the top of a new page on A4 and US Letter', async () => {
    const page = await openReport();
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.locator('nav, button, .toolbar').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
    assert.equal(hidden, 0, 'navigation and buttons print');
    for (const format of ['A4', 'Letter']) {
      const pdf = readPdf(await page.pdf({ format, outline: true, tagged: true }));
      const at = (title) => pdf.outline.find((o) => o.title === title);
      const summary = at('Bedrock inference plan');
      assert.equal(summary?.page, 0, `${format}: the report starts on page 1`);
      let previous = 0;
      for (const [i, name] of names.entries()) {
        const heading = at(`${i + 1}. ${name}`);
        assert.ok(heading, `${format}: ${name} is in the outline`);
        assert.ok(heading.page > previous, `${format}: ${name} starts a page after the one before (${heading.page})`);
        // At the top of its page: within the page margin and a line or two.
        assert.ok(heading.fromTop < 80, `${format}: ${name} is ${heading.fromTop} pt from the top`);
        previous = heading.page;
      }
      const sources = at('Sources');
      assert.ok(sources.page > previous && sources.fromTop < 80, `${format}: sources on a page of their own`);
      assert.equal(pdf.pages, sources.page + 1, `${format}: nothing after the sources`);
      console.log(`report page, ${names.length} workloads: ${pdf.pages} pages on ${format}`);
    }
    assertNoErrors(page);
    await page.close();
  });

  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, { width: 375, height: 812 }]) {
    test(`presents one slide at a time, moved by the keys, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await openReport(viewport);
      const shown = () =>
        page.locator('.slide').evaluateAll((all) => all.filter((s) => s.getClientRects().length > 0).map((s) => s.id));
      const position = async () => (await page.locator(testid('slide-position')).textContent()).trim();
      await page.locator(testid('report-present')).click();
      assert.deepEqual(await shown(), ['slide-1']);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'slide-1');
      assert.equal(await page.locator('.site-header').isVisible(), false);
      const total = Number((await position()).match(/^Slide 1 of (\d+): Summary: workloads 1 to 3 of 6$/)?.[1]);
      assert.equal(names.length, 6);
      assert.ok(total > names.length, `${total} slides`);
      // Large type that still fits the width: no sideways scrolling of the page.
      const layout = await page.evaluate(() => ({
        font: parseFloat(getComputedStyle(document.querySelector('.report')).fontSize),
        overflow: document.documentElement.scrollWidth - innerWidth,
      }));
      assert.ok(layout.font >= (viewport.width >= 1920 ? 24 : 18), `type of ${layout.font}px`);
      assert.ok(layout.overflow <= 0, `${layout.overflow}px wider than the screen`);
      // Six workloads: two summary slides of three, then the first workload's decision.
      await page.keyboard.press('ArrowRight');
      assert.deepEqual(await shown(), ['slide-2']);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'slide-2');
      assert.equal(await position(), `Slide 2 of ${total}: Summary: workloads 4 to 6 of 6`);
      await page.keyboard.press('PageDown');
      assert.equal(await position(), `Slide 3 of ${total}: 1. ${names[0]}`);
      // The slide's heading shows below the controls, not under them.
      const [controls, heading] = await page.evaluate(() =>
        ['.slide-controls', '#slide-3 h2'].map((s) => {
          const { top, bottom } = document.querySelector(s).getBoundingClientRect();
          return { top, bottom };
        }),
      );
      assert.ok(heading.top >= controls.bottom - 1 && heading.bottom <= viewport.height,
        `heading from ${heading.top} to ${heading.bottom}, controls end at ${controls.bottom}`);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowRight');
      assert.deepEqual(await shown(), [`slide-${total}`]);
      await page.keyboard.press('ArrowLeft');
      assert.deepEqual(await shown(), [`slide-${total - 1}`]);
      await page.locator(testid('slide-previous')).click();
      assert.deepEqual(await shown(), [`slide-${total - 2}`]);
      await assertAccessible(page);
      await page.keyboard.press('Escape');
      assert.equal((await shown()).length, 0);
      assert.equal(await page.locator(testid('report-workload')).count(), names.length);
      assert.equal(await page.locator('.site-header').isVisible(), true);
      assertNoErrors(page);
      await page.close();
    });
  }

  /** What a presented slide measures: how far it and the page reach past the screen, the
   * smallest body text, the smallest map label (both in CSS pixels on screen). */
  function measureSlide() {
    const slide = document.querySelector('.slide');
    const text = [...slide.querySelectorAll('p, li, td, th, dd, dt, code')]
      .filter((e) => !e.closest('figcaption') && !e.closest('.hint') && e.textContent.trim() !== '')
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    const labels = [...slide.querySelectorAll('.map-label')].map((t) =>
      parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getScreenCTM().a,
    );
    const scrollers = [...slide.querySelectorAll('.table-scroll')].map((e) => e.scrollWidth - e.clientWidth);
    return {
      id: slide.id,
      below: Math.ceil(slide.getBoundingClientRect().bottom - innerHeight),
      pageBelow: document.documentElement.scrollHeight - innerHeight,
      sideways: Math.max(document.documentElement.scrollWidth - innerWidth, ...scrollers),
      text: Math.min(...text),
      label: labels.length ? Math.min(...labels) : null,
    };
  }

  for (const file of ['insurer.json', 'insurer-v2.json']) {
    test(`${file}: prints as a document on A4 and US Letter, every page after the cover labelled`, async () => {
      const text = await fixture(`plans/${file}`);
      const parsed = JSON.parse(text);
      const workloads = parsed.workloads.map((w) => w.name);
      const title = parsed.name ?? 'Bedrock inference plan';
      const page = await openReport(undefined, text);
      await page.emulateMedia({ media: 'print' });
      for (const format of ['A4', 'Letter']) {
        // In the DOM at the printable width, nothing reaches past it.
        await page.setViewportSize({ width: PRINTABLE[format], height: 1000 });
        const wide = await page.evaluate((width) =>
          [...document.querySelectorAll('.report *')]
            // A map's shapes beyond its view box are clipped by the map: the map is measured.
            .filter((e) => !e.ownerSVGElement && e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + 1)
            .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class')} ${Math.round(e.getBoundingClientRect().right)}px`),
          PRINTABLE[format]);
        assert.deepEqual(wide, [], `${format}: wider than ${PRINTABLE[format]}px`);
        // No Region list repeats within a workload: the long ones are in the appendix, once.
        const repeats = await page.locator('[data-testid="report-workload"]').evaluateAll((all) =>
          all.flatMap((s) => {
            const seen = new Set();
            return [...s.querySelectorAll('li')]
              .filter((li) => li.getClientRects().length > 0 && /^[a-z]{2}-[a-z]+-\d+ \(/.test(li.textContent))
              .map((li) => li.textContent)
              .filter((r) => seen.has(r) || !seen.add(r));
          }));
        assert.deepEqual(repeats, [], `${format}: Regions listed twice in a workload`);
        const headings = await page.evaluate(() =>
          [...document.querySelectorAll('.report :is(h1, h2, h3, caption)')]
            .filter((e) => e.getClientRects().length > 0)
            .map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
        const pages = pdfPages(await page.pdf({ format, tagged: true }));
        for (const [i, body] of pages.entries()) {
          if (i === 0) continue; // the cover
          const at = `${format} page ${i + 1}`;
          assert.ok(body.includes(title), `${at}: no plan name`);
          assert.ok(workloads.some((w) => body.includes(w)) || /Sources|Appendix/.test(body), `${at}: no part named`);
          assert.match(body, new RegExp(`page ${i + 1} of ${pages.length}\\b`), at);
          // The last line of the page's body (above the footer) is not a heading or caption.
          const lines = body.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
          const last = lines.filter((l) => !/page \d+ of \d+/.test(l)).at(-1);
          assert.ok(!headings.includes(last), `${at} ends with the heading "${last}"`);
        }
        console.log(`${file} printed on ${format}: ${pages.length} pages`);
      }
      assertNoErrors(page);
      await page.close();
    });

    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
      test(`${file}: every slide fits ${viewport.width}x${viewport.height} and Page Down visits each in order`, async () => {
        const text = await fixture(`plans/${file}`);
        const workloads = JSON.parse(text).workloads.map((w) => w.name);
        const page = await openReport(viewport, text);
        await page.locator(testid('report-present')).click();
        const position = async () => (await page.locator(testid('slide-position')).textContent()).trim();
        const total = Number((await position()).match(/^Slide 1 of (\d+):/)?.[1]);
        assert.ok(total >= 1 + 3 * workloads.length, `${total} slides`);
        const titles = [];
        let smallestLabel = Infinity;
        for (let n = 1; n <= total; n += 1) {
          const at = await position();
          assert.ok(at.startsWith(`Slide ${n} of ${total}: `), `${at}, expected slide ${n}`);
          titles.push(at.replace(/^Slide \d+ of \d+: /, ''));
          const m = await page.evaluate(measureSlide);
          assert.equal(m.id, `slide-${n}`);
          assert.ok(m.below <= 0 && m.pageBelow <= 0, `${at}: ${m.below}px below the screen (page ${m.pageBelow}px)`);
          assert.ok(m.sideways <= 0, `${at}: ${m.sideways}px wider than the screen`);
          if (viewport.width >= 1920) assert.ok(m.text >= 24, `${at}: text of ${m.text}px`);
          if (m.label !== null) {
            assert.ok(m.label >= 16, `${at}: map labels of ${m.label.toFixed(1)}px`);
            smallestLabel = Math.min(smallestLabel, m.label);
          }
          await page.keyboard.press('PageDown');
        }
        // Page Down on the last slide stays there.
        assert.ok((await position()).startsWith(`Slide ${total} of ${total}: `));
        // Each workload's slides follow the one before's, opening with its decision.
        let from = 0;
        for (const [i, name] of workloads.entries()) {
          const opens = titles.indexOf(`${i + 1}. ${name}`);
          assert.ok(opens > from, `${name} opens at slide ${opens + 1}`);
          from = opens;
        }
        assert.ok(smallestLabel < Infinity, 'a map slide');
        console.log(`${file} presented at ${viewport.width}x${viewport.height}: ${total} slides, map labels from ${smallestLabel.toFixed(1)}px`);
        assertNoErrors(page);
        await page.close();
      });
    }
  }
});
