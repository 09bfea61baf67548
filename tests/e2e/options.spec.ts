import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { OptionsPage, seriousViolations } from './pages/reading-list';

const SEED = '/list/cs.DC/new';
const FEDERATED = '2602.22290';
const SIMULTANEITY = '2602.22350';
const GETBATCH = '2602.22434';
const ADAPTBF = '2602.22409';

test('renames and merges tags with paper counts, and open listings update', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.addTag(FEDERATED, 'gpu');
  await listing.addTag(GETBATCH, 'GPU computing');
  await listing.addTag(GETBATCH, 'storage');
  await listing.addTag(ADAPTBF, 'storage');

  const options = new OptionsPage(await openExtensionPage('options.html'));
  await options.ready();
  await expect(options.tag('storage')).toContainText('2 papers');
  await expect(options.tag('gpu')).toContainText('1 paper');

  await options.rename('storage', 'disks');
  await expect(options.status).toContainText('Renamed “storage” to “disks”.');
  await expect(options.tag('disks')).toContainText('2 papers');
  await expect(options.tag('storage')).toHaveCount(0);
  await expect(listing.chipsOf(ADAPTBF)).toHaveText(['disks']);
  await expect(listing.chipsOf(GETBATCH)).toHaveText(['GPU computing', 'disks']);

  await options.merge(['gpu', 'GPU computing'], 'accelerators');
  await expect(options.tag('accelerators')).toContainText('2 papers');
  await expect(options.tag('gpu')).toHaveCount(0);
  await expect(options.tag('GPU computing')).toHaveCount(0);
  await expect(listing.chipsOf(FEDERATED)).toHaveText(['accelerators']);
  await expect(listing.chipsOf(GETBATCH)).toHaveText(['accelerators', 'disks']);
  await expect(listing.toolbar.getByText('accelerators')).toContainText('2');
});

test('recolours a tag, and deletes one only after confirming', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();
  await listing.addTag(FEDERATED, 'gpu');

  const options = new OptionsPage(await openExtensionPage('options.html'));
  await options.ready();
  await options.tag('gpu').getByLabel('Colour of gpu').fill('#ff0000');
  await expect(listing.chipsOf(FEDERATED).first()).toHaveAttribute('style', /#ff0000/);

  await options.tag('gpu').getByRole('button', { name: 'Delete gpu' }).click();
  const confirm = options.page.getByRole('dialog', { name: 'Delete tag “gpu”?' });
  await expect(confirm).toContainText('It is removed from 1 paper.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.tag('gpu')).toHaveCount(1);

  await options.tag('gpu').getByRole('button', { name: 'Delete gpu' }).click();
  await confirm.getByRole('button', { name: 'Delete tag' }).click();
  await expect(options.tag('gpu')).toHaveCount(0);
  await expect(options.page.getByText('No tags yet.')).toBeVisible();
  await expect(listing.chipsOf(FEDERATED)).toHaveCount(0);
  await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'true');
});

test('the rule editor previews what a rule matches on the sample listing, and listings use the saved rule', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const options = new OptionsPage(await openExtensionPage('options.html'));
  await options.ready();
  const rules = options.section('Highlight rules');
  const form = rules.getByRole('form', { name: 'New rule' });

  await form.getByRole('textbox', { name: 'Match' }).fill('federated');
  const preview = form.getByRole('status');
  await expect(preview).toContainText(/^Matches \d+ papers on the sample listing: Energy Efficient Federated Learning/);
  const matched = Number(/Matches (\d+)/.exec((await preview.textContent()) ?? '')?.[1]);
  expect(matched).toBeGreaterThanOrEqual(2);

  await form.getByRole('textbox', { name: 'Match' }).fill('Zelasko');
  await expect(preview).toContainText('Matches 1 paper on the sample listing: GetBatch');
  await form.getByRole('textbox', { name: 'Match' }).fill('(a|aa)*b');
  await form.getByRole('combobox', { name: 'As' }).selectOption({ label: 'Regular expression' });
  await expect(preview).toHaveCount(0);

  await form.getByRole('combobox', { name: 'As' }).selectOption({ label: 'Whole word' });
  await form.getByRole('textbox', { name: 'Match' }).fill('federated');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByRole('list', { name: 'Rules' })).toContainText('federated');
  // The preview counts on its 12-paper sample; the listing has all 29 papers, 3 of them federated.
  await expect(listing.toggle(/Only matching/)).toContainText('3');

  // Deleting asks once more, and "Keep" keeps the rule.
  await rules.getByRole('button', { name: 'Delete rule federated' }).click();
  await rules.getByRole('group', { name: 'Delete rule federated?' }).getByRole('button', { name: 'Keep' }).click();
  await expect(rules.getByRole('list', { name: 'Rules' })).toContainText('federated');
  await rules.getByRole('button', { name: 'Delete rule federated' }).click();
  await rules.getByRole('group', { name: 'Delete rule federated?' }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(rules.getByText('No rules yet.')).toBeVisible();
  await expect(listing.toggle(/Only matching/)).toContainText('0');
});

test('a backup made in the UI brings every annotation back after a replace restore', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();
  await listing.starOf(SIMULTANEITY).click();
  await listing.addTag(FEDERATED, 'gpu');
  await listing.noteOf(SIMULTANEITY).click();
  await listing.dialog('Note').getByRole('textbox', { name: 'Note' }).fill('Relativity of simultaneity, §2');
  await listing.dialog('Note').getByRole('button', { name: 'Save note' }).click();
  await listing.hideOf(GETBATCH).click();

  const options = new OptionsPage(await openExtensionPage('options.html'));
  await options.ready();
  const backup = await options.downloadBackup();
  expect(backup.name).toMatch(/^arxiv-sift-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(backup.json).toMatchObject({ format: 'arxiv-sift-backup', version: 3 });
  expect((backup.json as { tables: { papers: { id: string }[] } }).tables.papers.map((p) => p.id).sort()).toEqual([FEDERATED, SIMULTANEITY, GETBATCH]);

  // Undo everything, and add something the backup does not have.
  await listing.starOf(FEDERATED).click();
  await listing.starOf(SIMULTANEITY).click();
  await listing.entry(GETBATCH).getByRole('button', { name: /^Undo hide/ }).click();
  await listing.starOf(ADAPTBF).click();
  await options.tag('gpu').getByRole('button', { name: 'Delete gpu' }).click();
  await options.page.getByRole('dialog', { name: 'Delete tag “gpu”?' }).getByRole('button', { name: 'Delete tag' }).click();
  await expect(listing.chipsOf(FEDERATED)).toHaveCount(0);

  await options.restore(backup.path, 'replace');
  const report = options.page.getByRole('table', { name: 'What the restore changed' });
  // FEDERATED and GETBATCH kept only their tombstones (the unstar and the undone hide, which sync
  // needs) and SIMULTANEITY its note: all three updated; ADAPTBF, starred after the backup, removed.
  await expect(report.getByRole('row', { name: /^Papers/ })).toHaveText(/Papers\s*0\s*3\s*0\s*1/);
  await expect(report.getByRole('row', { name: /^Tags/ })).toHaveText(/Tags\s*1\s*0\s*0\s*0/);

  // Every annotation is back in the open listing, without a reload.
  await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.starOf(SIMULTANEITY)).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.starOf(ADAPTBF)).toHaveAttribute('aria-pressed', 'false');
  await expect(listing.chipsOf(FEDERATED)).toHaveText(['gpu']);
  await expect(listing.hideOf(GETBATCH)).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.entry(SIMULTANEITY).getByRole('tooltip', { includeHidden: true })).toHaveText('Relativity of simultaneity, §2');
  await expect(options.tag('gpu')).toContainText('1 paper');

  // And a merge restore of the same file now changes nothing.
  await options.restore(backup.path, 'merge');
  await expect(options.page.getByText('Nothing changed: everything in the backup was already here.')).toBeVisible();
});

test.describe('a file that is not a usable backup is refused with the reason, and nothing changes', () => {
  const cases = [
    ['another JSON file', '{"papers": []}', /format: expected "arxiv-sift-backup"/],
    ['a file cut short', '{"format": "arxiv-sift-backup", "version": 1, "tables": {"papers": [', /looks truncated/],
    ['a backup from a newer Sift', '{"format": "arxiv-sift-backup", "version": 99, "tables": {}}', /update Sift first/],
  ] as const;
  for (const [what, text, reason] of cases) {
    test(what, async ({ page, openExtensionPage }) => {
      const listing = new ListingPage(page);
      await listing.open(SEED);
      await listing.starOf(FEDERATED).click();
      const options = new OptionsPage(await openExtensionPage('options.html'));
      await options.ready();
      await options.restore({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) }, 'replace');
      const alert = options.page.getByRole('alert');
      await expect(alert).toContainText('The file was refused and nothing was changed');
      await expect(alert).toContainText(reason);
      await listing.page.reload();
      await listing.ready();
      await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'true');
    });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the options page has no serious or critical accessibility violation (${scheme})`, async ({ page, openExtensionPage }) => {
    const listing = new ListingPage(page);
    await listing.open(SEED);
    await listing.addTag(FEDERATED, 'gpu');
    await listing.addTag(GETBATCH, 'storage');
    const options = new OptionsPage(await openExtensionPage('options.html'));
    await options.page.emulateMedia({ colorScheme: scheme });
    await options.ready();
    await options.section('Highlight rules').getByRole('textbox', { name: 'Match' }).fill('federated');
    await options.section('Highlight rules').getByRole('button', { name: 'Add rule' }).click();
    await options.tag('gpu').getByRole('button', { name: 'Rename gpu' }).click();
    expect(await seriousViolations(options.page)).toEqual([]);
  });
}

/**
 * A backup of `count` generated papers, one starred in ten, as a heavy user's file. Version 1, the
 * oldest format Sift reads, so the test does not follow the current table set.
 */
function heavyBackup(count: number): string {
  const papers = Array.from({ length: count }, (_, n) => {
    const id = `${2501 + Math.floor(n / 99_999)}.${String((n % 99_999) + 1).padStart(5, '0')}`;
    const meta = {
      id,
      title: `Paper ${n} on two-round Byzantine consensus`,
      authors: ['Ada Lovelace', `Author ${n}`],
      abstract: 'We study Byzantine fault-tolerant consensus under partial synchrony. '.repeat(12),
      subjects: [{ name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
      section: 'new',
      absUrl: `https://arxiv.org/abs/${id}`,
    };
    return { id, meta, tags: [], seenAt: 1_760_000_000_000 - n, ...(n % 10 === 0 ? { starredAt: 1_760_000_000_000 - n } : {}), updatedAt: 1_760_000_000_000 - n };
  });
  return JSON.stringify({ format: 'arxiv-sift-backup', version: 1, exportedAt: 1_760_000_000_000, tables: { papers, tags: [], rules: [], visits: [], settings: [] } });
}

test('a gzip backup of 25,000 papers restores through the options page, and its own backup restores again', async ({ openExtensionPage }) => {
  test.setTimeout(180_000);
  const path = join(tmpdir(), `sift-heavy-${Date.now()}.json.gz`);
  await writeFile(path, gzipSync(heavyBackup(25_000)));
  const options = new OptionsPage(await openExtensionPage('options.html'));
  await options.ready();
  await options.restore(path, 'replace');
  const report = options.page.getByRole('table', { name: 'What the restore changed' });
  await expect(report.getByRole('row', { name: /^Papers/ })).toHaveText(/Papers\s*25000\s*0\s*0\s*0/, { timeout: 120_000 });

  const backup = await options.downloadBackup();
  expect((backup.json as { tables: { papers: unknown[] } }).tables.papers).toHaveLength(25_000);
  await options.restore(backup.path, 'merge');
  await expect(options.page.getByText('Nothing changed: everything in the backup was already here.')).toBeVisible({ timeout: 120_000 });
});
