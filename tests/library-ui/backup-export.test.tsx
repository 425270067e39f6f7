// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { LibraryView } from '@/components/library/LibraryView';
import { importSummary } from '@/components/library/ImportReportView';
import type { LibrarySchema } from '@/utils/library/schema';
import { deleteStories, getChapters, getStory, saveStory } from '@/utils/library/store';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/utils/settings';
import { find, freshLibrary, makeStory, mountInto, realStory, shownIds, typeInto, unmount } from './library-helpers';

let container: HTMLElement | undefined;
let db: IDBPDatabase<LibrarySchema> | undefined;

afterEach(() => {
  unmount(container);
  container = undefined;
  db?.close();
  db = undefined;
});

interface Download {
  data: Blob;
  name: string;
}

const mySettings: Settings = normalizeSettings({ ...DEFAULT_SETTINGS, reader: { ...DEFAULT_SETTINGS.reader, fontSize: 23 } });

async function library(stories: Parameters<typeof saveStory>[1][]) {
  const fresh = await freshLibrary();
  db = fresh.db;
  for (const story of stories) await saveStory(db, story);
  const downloads: Download[] = [];
  const savedSettings: Settings[] = [];
  container = mountInto(
    <LibraryView
      dbName={fresh.name}
      searchDelay={0}
      download={(data, name) => downloads.push({ data, name })}
      loadSettings={async () => mySettings}
      saveSettings={async (s) => void savedSettings.push(s)}
    />,
  );
  await vi.waitFor(() => expect(container!.querySelector('.library-view')!.getAttribute('data-state')).not.toBe('loading'));
  return { root: container, downloads, savedSettings };
}

/** Hands a file to the hidden file input, as choosing it in the dialog does. */
function chooseFile(root: HTMLElement, text: string, name = 'backup.json') {
  const input = root.querySelector<HTMLInputElement>('[data-action="import-file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('backup', () => {
  it('exports one JSON file, and importing it after a wipe brings every story back, searchable', async () => {
    const silver = realStory();
    const { root, downloads, savedSettings } = await library([silver, makeStory(1)]);
    root.querySelector<HTMLButtonElement>('[data-action="export-backup"]')!.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
    expect(downloads[0]!.name).toMatch(/^ficshelf-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await downloads[0]!.data.text();
    const backup = JSON.parse(text);
    expect(backup.format).toBe('ficshelf-backup');
    expect(backup.settings.reader.fontSize).toBe(23);
    expect(backup.stories.map((s: { id: string }) => s.id).sort()).toEqual(['ao3:1001', 'ao3:24861814']);
    expect(backup.chapters.filter((c: { storyId: string }) => c.storyId === silver.id)).toHaveLength(20);
    await vi.waitFor(() => expect(root.querySelector('[data-field="status"]')!.textContent).toBe('Backup exported: 2 stories and your settings.'), { timeout: 5000 });

    await deleteStories(db!, ['ao3:1001', silver.id]);
    chooseFile(root, text);
    const report = await find(root, '[data-ficshelf="import-report"]');
    expect(report.querySelector('#import-report-heading')!.textContent).toBe('Import finished: 2 added, 0 updated, 0 kept.');
    expect(report.querySelector('[data-group="added"] summary')!.textContent).toBe('Added: 2');
    expect(report.textContent).toContain('Your settings from the backup are in use now.');
    expect(savedSettings[0]!.reader.fontSize).toBe(23);

    await vi.waitFor(() => expect(shownIds(root).sort()).toEqual(['ao3:1001', 'ao3:24861814']), { timeout: 5000 });
    expect((await getChapters(db!, silver.id)).map((c) => c.index)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    typeInto(root.querySelector<HTMLInputElement>('[data-action="search"]')!, 'Jashua');
    await vi.waitFor(() => expect(shownIds(root)).toEqual([silver.id]), { timeout: 5000 });
  });

  it('lists what it kept and what it refused, with reasons', async () => {
    const { root, downloads } = await library([makeStory(1), makeStory(2)]);
    root.querySelector<HTMLButtonElement>('[data-action="export-backup"]')!.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
    const backup = JSON.parse(await downloads[0]!.data.text());
    backup.stories.push({ id: '', title: 'Broken entry' });
    chooseFile(root, JSON.stringify(backup));
    const report = await find(root, '[data-ficshelf="import-report"]');
    expect(report.querySelector('#import-report-heading')!.textContent).toBe('Import finished: 0 added, 0 updated, 2 kept, 1 entry not imported.');
    const rejected = report.querySelector('[data-group="rejected"]')!;
    expect(rejected.hasAttribute('open')).toBe(true);
    expect(rejected.querySelector('li')!.textContent).toMatch(/^Broken entry — .+/);
    root.querySelector<HTMLButtonElement>('[data-action="close-report"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-ficshelf="import-report"]')).toBeNull(), { timeout: 5000 });
  });

  it('says plainly when the file is not a backup, and changes nothing', async () => {
    const { root } = await library([makeStory(1)]);
    chooseFile(root, 'this is not json', 'notes.txt');
    const problem = await find(root, '[data-field="problem"]');
    expect(problem.textContent).toMatch(/^This file is not a FicShelf backup\./);
    expect(problem.getAttribute('role')).toBe('alert');
    expect(shownIds(root)).toEqual(['ao3:1001']);
    expect(await getStory(db!, 'ao3:1001')).toBeDefined();
  });

  it('summarises a report in one sentence', () => {
    expect(importSummary({ added: ['a'], updated: [], kept: ['b', 'c'], rejected: [{ reason: 'x' }, { reason: 'y' }] })).toBe(
      'Import finished: 1 added, 0 updated, 2 kept, 2 entries not imported.',
    );
  });
});

describe('exporting a story', () => {
  it('downloads an EPUB: a zip whose first entry is the stored mimetype', async () => {
    const silver = realStory();
    const { root, downloads } = await library([silver]);
    (await find<HTMLButtonElement>(root, `[data-story-id="${silver.id}"] [data-action="epub"]`)).click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(downloads[0]!.name).toBe('Through-Your-Silver-Eyes.epub');
    expect(downloads[0]!.data.type).toBe('application/epub+zip');
    const bytes = await bytesOf(downloads[0]!.data);
    expect(String.fromCharCode(...bytes.slice(0, 4))).toBe('PK\u0003\u0004');
    // Local file header: the name starts at byte 30; "mimetype" stored, not compressed.
    expect(new TextDecoder().decode(bytes.slice(30, 38))).toBe('mimetype');
    expect(new TextDecoder().decode(bytes.slice(38, 58))).toBe('application/epub+zip');
    await vi.waitFor(() => expect(root.querySelector('[data-field="status"]')!.textContent).toBe('“Through Your Silver Eyes” exported as EPUB.'), { timeout: 5000 });
  });

  it('downloads one self-contained HTML file with every chapter', async () => {
    const silver = realStory();
    const { root, downloads } = await library([silver]);
    (await find<HTMLButtonElement>(root, `[data-story-id="${silver.id}"] [data-action="html"]`)).click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(downloads[0]!.name).toBe('Through-Your-Silver-Eyes.html');
    const html = await downloads[0]!.data.text();
    expect(html).toContain('Through Your Silver Eyes');
    expect(html).toContain("Harry wasn't proud of his decision.");
    expect(html).toContain('All the hurt cast upon him');
    expect(html).not.toMatch(/<script/i);
  });
});
