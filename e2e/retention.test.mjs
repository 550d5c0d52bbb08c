// Data retention in the built app (dist/), in headless Chromium at 1366 and 375 px: the wizard
// asks how much retention the obligation accepts (in words of effect, with the AWS page, by
// keyboard like the other questions); a Claude Fable 5.1 workload from us-west-2 is refused
// unless the account's mode there is raised, and setting it in "Your account" removes that
// urgent warning (saved with the plan); the comparison has a "Data retention" row; the
// explorer filters models that keep no prompts and a model page shows its retention facts.
// axe finds nothing. Run with `make e2e`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, newPage, openApp, siteAndBrowser, waitForOrError } from './support.mjs';

const testid = (id) => `[data-testid="${id}"]`;
const FABLE = 'anthropic.claude-fable-5-1';
const AWS_PAGE = 'https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html';
const EFFECTS = [
  'Not stated',
  'Nothing may be kept (zero data retention)',
  'AWS may keep flagged prompts for automated abuse checks',
  'AWS may keep all prompts and review flagged ones',
  'The model provider may receive prompts',
];
const COMMAND = 'aws bedrock put-account-data-retention --mode aws_review --region us-west-2';
const WIDTHS = [[1366, 768], [375, 812]];

describe('data retention', () => {
  const site = siteAndBrowser();

  for (const [width, height] of WIDTHS) {
    test(`the wizard question and "Your account" at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + 'plan/');
      await page.click(testid('plan-add'));
      await page.fill(testid('wz-name'), 'Fable chat');
      await page.fill(testid('wz-model-filter'), 'fable 5.1');
      await page.selectOption(testid('wz-model'), FABLE);
      await page.selectOption(testid('wz-source'), 'us-west-2');
      await page.click(testid('wz-next'));
      await page.check(testid('wz-residency-country'));
      await page.selectOption(testid('wz-country'), 'US');

      // The question: a radio group with a legend, "Not stated" first and checked, the four
      // modes in words of effect, and the AWS page linked inside the group.
      const group = page.locator('fieldset', { has: page.locator(testid('wz-retention-unstated')) });
      assert.equal(await group.locator('legend').textContent(), 'How much data retention does the obligation accept?');
      const labels = await group.locator('input[type="radio"]').evaluateAll((inputs) =>
        inputs.map((i) => i.labels[0].textContent.trim()),
      );
      assert.deepEqual(labels, EFFECTS);
      assert.equal(await page.isChecked(testid('wz-retention-unstated')), true);
      assert.equal(await group.locator(`a[href="${AWS_PAGE}"]`).count(), 1);
      await assertAccessible(page);

      // By keyboard, like the other groups: arrows move the choice.
      await page.focus(testid('wz-retention-unstated'));
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.isChecked(testid('wz-retention-none')), true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.isChecked(testid('wz-retention-aws_review')), true);

      await page.click(testid('wz-next'));
      await page.check(testid('wz-traffic-spiky'));
      await page.click(testid('wz-next'));
      await page.check(testid('wz-sla-best_effort'));
      await page.click(testid('wz-next'));
      await page.click(testid('wz-next'));
      const review = page.locator(testid('wz-review'));
      assert.match(await review.textContent(), /Data retention\s*AWS may keep all prompts and review flagged ones/);
      await page.click(testid('wz-save'));
      await page.locator(testid('wizard')).waitFor({ state: 'detached' });

      // Account mode unknown: urgent "refused unless", and the change to make, copyable.
      const card = page.locator(testid('recommendation'));
      assert.match(await card.locator(testid('urgent-warnings')).textContent(), /refused unless the account's data retention mode in us-west-2 is `aws_review`/);
      assert.equal(await card.locator(testid('account-change-command')).textContent(), COMMAND);
      assert.equal(await card.locator(testid('copy-account-command')).getAttribute('data-copy'), COMMAND);
      assert.match(await card.locator(testid('account-change')).textContent(), /now unknown/);

      // "Your account": one select per source Region, unknown at first.
      const account = page.locator(testid('account'));
      assert.match(await account.textContent(), /per Region/);
      assert.match(await account.textContent(), /On bedrock-mantle a project's mode overrides the account's/);
      assert.match(await account.textContent(), /DataRetentionStorage APIs\) is out of scope/);
      const select = page.locator(testid('account-mode-us-west-2'));
      assert.equal(await select.inputValue(), '');
      assert.deepEqual(
        await select.locator('option').evaluateAll((os) => os.map((o) => o.value)),
        ['', 'inherit', 'none', 'default', 'aws_review', 'provider_data_share'],
      );
      await assertAccessible(page);

      await select.selectOption('aws_review');
      await card.locator(testid('account-change')).waitFor({ state: 'detached' });
      assert.doesNotMatch(await card.textContent(), /refused unless/);
      assert.equal(await card.locator(testid('urgent-warnings')).count(), 0);
      // What is kept is still said, as a notice.
      assert.match(await card.locator(testid('warnings')).textContent(), /keeps all traffic \(prompts and completions\) for up to 30 days/);

      // A lower mode is known to refuse: "will be refused until", with the command.
      await select.selectOption('default');
      assert.match(await card.locator(testid('urgent-warnings')).textContent(), /will be refused in us-west-2 until .* from `default` to `aws_review`/);
      assert.match(await card.locator(testid('account-change')).textContent(), /now default/);
      await select.selectOption('aws_review');
      await card.locator(testid('account-change')).waitFor({ state: 'detached' });

      // Saved with the plan: a reload shows the same mode and the same verdict.
      await page.waitForFunction(() => localStorage.getItem('cris-atlas.plan')?.includes('"data_retention_mode": "aws_review"'));
      await openApp(page, site.server.url + 'plan/');
      await waitForOrError(page, page.locator(testid('plan-row')));
      assert.equal(await page.locator(testid('account-mode-us-west-2')).inputValue(), 'aws_review');
      assert.equal(await page.locator(testid('account-change')).count(), 0);

      // The comparison's Data retention row: what is kept and where it would be stored.
      const retentionCells = width > 640
        ? page.locator(`${testid('comparison')} tbody tr`, { has: page.locator('th', { hasText: /^Data retention$/ }) }).locator('td')
        : page.locator(`${testid('option-card')} dl > div`, { has: page.locator('dt', { hasText: /^Data retention$/ }) }).locator('dd');
      assert.ok(await retentionCells.count() >= 1);
      assert.ok(await retentionCells.first().isVisible());
      const first = await retentionCells.first().textContent();
      assert.match(first, /Fits/);
      assert.match(first, /up to 30 days/);
      assert.match(first, /Stored where processed/);

      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });

    test(`the explorer keeps models that keep no prompts at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + 'explore/?q=openai');
      const rows = page.locator(testid('model-row'));
      await waitForOrError(page, rows.first());
      const ids = () => rows.evaluateAll((rs) => rs.map((r) => r.dataset.modelId));
      const all = await ids();
      assert.ok(all.includes('openai.gpt-5.5'), all.join(' '));
      if (width <= 640) await page.click(testid('filters-toggle'));
      await page.selectOption(testid('retention'), 'none');
      await page.waitForURL(/retention=none/);
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="model-row"]').length < n,
        all.length,
      );
      const kept = await ids();
      assert.ok(kept.length > 0);
      for (const keeps of ['openai.gpt-5.5', 'openai.gpt-5.4', 'openai.gpt-6-astra']) {
        assert.ok(all.includes(keeps) && !kept.includes(keeps), `${keeps} keeps prompts: ${kept.join(' ')}`);
      }
      assert.ok(kept.includes('openai.gpt-oss-120b'), kept.join(' '));
      assert.equal(await page.locator(`${testid('retention')} option:checked`).textContent(), 'Keeps no prompts');
      await assertAccessible(page);

      // Opened from its URL, the filter is set.
      await openApp(page, site.server.url + 'explore/?q=fable&retention=none');
      assert.match(await page.locator(testid('result-count')).textContent(), /the data retention filter removed the last results/);
      assert.equal(await page.locator(testid('retention')).inputValue(), 'none');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      assertNoErrors(page);
      await page.close();
    });

    test(`a model page shows its retention facts at ${width}x${height}`, async () => {
      const page = await newPage(site.browser, { viewport: { width, height } });
      await openApp(page, site.server.url + `model/${FABLE}/`);
      const facts = page.locator(testid('retention-facts'));
      const rows = await facts.locator('div').evaluateAll((ds) =>
        Object.fromEntries(ds.map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').textContent])),
      );
      assert.equal(rows['What is kept'], 'all traffic (prompts and completions)');
      assert.equal(rows['For how long'], 'Up to 30 days');
      assert.equal(rows['Human review by AWS staff'], 'Yes');
      assert.equal(rows['Lowest data retention mode'], 'aws_review');
      assert.match(rows['Zero data retention'], /until 2026-12-31/);
      const basis = page.locator(testid('retention-basis'));
      assert.match(await basis.textContent(), /As the AWS pages state/);
      assert.equal(await basis.locator(`a[href="${AWS_PAGE}"]`).count(), 1);
      await assertAccessible(page);

      // A model the pages do not name: nothing kept, from the page's general rule.
      await openApp(page, site.server.url + 'model/anthropic.claude-sonnet-4-5-20250929-v1~0/');
      assert.match(await page.locator(testid('retention-facts')).textContent(), /What is keptnothing/);
      assert.match(await page.locator(testid('retention-basis')).textContent(), /general rule/);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await assertAccessible(page);
      assertNoErrors(page);
      await page.close();
    });
  }
});
