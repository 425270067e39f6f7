// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normalizeSettings, type Settings } from '@/utils/settings';
import { loadSettings, saveSettings } from '@/utils/settings-store';
import { parseRating } from '@/utils/metadata/rating';
import { fandomData } from '@/utils/fandoms/episodes';
import { OptionsApp, SECTIONS } from '@/entrypoints/options/OptionsApp';
import { episodeChoices, progressSummary, searchFandoms } from '@/components/options/ProgressPicker';
import { ARCHIVE_WARNINGS, RATING_SCALE, toggleWarning } from '@/components/options/RatingsSection';
import { addEntries, splitEntries } from '@/components/options/ListEditor';
import { describeStoryId } from '@/components/options/SpoilersSection';
import { vi } from 'vitest';

// The library section loads the whole library UI; this file only opens #spoilers.
vi.mock('@/components/options/LibrarySection', () => ({ LibrarySection: () => null }));

const BUFFY = 'Buffy the Vampire Slayer';
let container: HTMLElement | undefined;

async function mount(stored: unknown = {}) {
  await saveSettings(normalizeSettings(stored));
  location.hash = '#spoilers';
  container = document.createElement('div');
  document.body.append(container);
  render(<OptionsApp />, container);
  await vi.waitFor(() => expect(container!.querySelector('#spoilers-heading')).not.toBeNull());
}

const $ = <T extends Element = HTMLInputElement>(selector: string) => {
  const el = container!.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};
const $$ = (selector: string) => Array.from(container!.querySelectorAll<HTMLElement>(selector));
const find = <T extends Element = HTMLInputElement>(selector: string) => vi.waitFor(() => $<T>(selector));

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
function press(input: HTMLElement, key: string) {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
function click(el: HTMLElement) {
  el.click();
}
const optionTexts = (select: HTMLSelectElement) => Array.from(select.options).map((o) => o.textContent);

async function expectStored(pick: (s: Settings) => unknown, expected: unknown) {
  await vi.waitFor(async () => expect(pick(await loadSettings())).toEqual(expected), { timeout: 2000 });
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  if (!container) return;
  render(null, container);
  container.remove();
  container = undefined;
  await new Promise((r) => setTimeout(r, 20));
});

describe('the section in the page', () => {
  it('comes right after Reader mode in the nav', () => {
    const ids = SECTIONS.map((s) => s.id);
    expect(ids.indexOf('spoilers')).toBe(ids.indexOf('reader') + 1);
  });
});

describe('progress per fandom', () => {
  it('starts empty, and the search adds a fandom found by part of its name with Enter', async () => {
    await mount();
    expect($('[data-empty="progress"]').textContent).toContain("You haven't told FicShelf how far you've watched anything yet");
    const search = $('#fandom-search');
    type(search, 'buf');
    const first = await find<HTMLButtonElement>('.fandom-results button');
    expect(first.dataset.fandom).toBe(BUFFY);
    press(search, 'Enter');
    // Newly added: nothing seen yet, the cautious start.
    await expectStored((s) => s.spoilers.progress, { [BUFFY]: { season: 1, episode: 0 } });
    expect((await find('.progress-row')).getAttribute('data-fandom')).toBe(BUFFY);
    expect(search.value).toBe('');
    expect(container!.querySelector('[data-empty="progress"]')).toBeNull();
  });

  it('finds fandoms by alias and says which alias matched', async () => {
    const btvs = searchFandoms('btvs');
    expect(btvs[0]!.fandom.name).toBe(BUFFY);
    expect(btvs[0]!.via).toBe('BtVS');
    expect(searchFandoms('SPN')[0]!.fandom.name).toBe('Supernatural');
    expect(searchFandoms('ats').map((m) => m.fandom.name)).toContain('Angel: the Series');
    // Fandoms already followed, and fandoms without an episode guide, are not offered.
    expect(searchFandoms('buffy', [BUFFY])).toEqual([]);
    expect(searchFandoms('Harry Potter')).toEqual([]);

    await mount();
    type($('#fandom-search'), 'spn');
    const button = await find<HTMLButtonElement>('.fandom-results button');
    expect(button.textContent).toContain('Supernatural');
    click(button);
    await expectStored((s) => Object.keys(s.spoilers.progress), ['Supernatural']);
    type($('#fandom-search'), 'zzzz');
    expect((await find('[data-empty="fandom-search"]')).textContent).toContain('zzzz');
  });

  it('the episode picker lists the titles of the chosen season, and the choice is saved', async () => {
    await mount({ spoilers: { progress: { [BUFFY]: { season: 1, episode: 0 } } } });
    const season = await find<HTMLSelectElement>('#season-buffy-the-vampire-slayer');
    expect(optionTexts(season)).toEqual(['Season 1', 'Season 2', 'Season 3', 'Season 4', 'Season 5', 'Season 6', 'Season 7']);
    const episode = () => $<HTMLSelectElement>('#episode-buffy-the-vampire-slayer');
    expect(optionTexts(episode()).slice(0, 3)).toEqual(['None yet', 'S1E1 Welcome to the Hellmouth', 'S1E2 The Harvest']);

    choose(season, '4');
    await vi.waitFor(() => expect(optionTexts(episode())).toContain('S4E9 Something Blue'));
    expect(optionTexts(episode())).toHaveLength(1 + 22);
    expect(optionTexts(episode())[0]).toBe('None of Season 4 yet');
    expect(optionTexts(episode())).toContain('S4E10 Hush');
    expect(optionTexts(episode())).not.toContain('S6E19 Seeing Red');
    await expectStored((s) => s.spoilers.progress[BUFFY], { season: 4, episode: 0 });

    choose(episode(), '9');
    await expectStored((s) => s.spoilers.progress[BUFFY], { season: 4, episode: 9 });
    await vi.waitFor(() => expect($('.progress-now').textContent).toBe('Watched through S4E9. Stories that assume a later episode are hidden.'));
    expect($('.progress-now').dataset.progress).toBe('S4E9');

    choose(season, '6');
    await vi.waitFor(() => expect(optionTexts(episode())).toContain('S6E19 Seeing Red'));
    expect(optionTexts(episode())).not.toContain('S4E9 Something Blue');
  });

  it('loads stored progress into the pickers', async () => {
    await mount({ spoilers: { progress: { [BUFFY]: { season: 5, episode: 16 } } } });
    expect((await find<HTMLSelectElement>('#season-buffy-the-vampire-slayer')).value).toBe('5');
    const episode = $<HTMLSelectElement>('#episode-buffy-the-vampire-slayer');
    expect(episode.value).toBe('16');
    expect(episode.selectedOptions[0]!.textContent).toBe('S5E16 The Body');
  });

  it('not watching, finished and remove each save', async () => {
    await mount({ spoilers: { progress: { [BUFFY]: { season: 4, episode: 9 }, 'Angel: the Series': 'all' } } });
    const buffyMode = (value: string) => $(`input[name="progress-buffy-the-vampire-slayer"][value="${value}"]`);
    await find('input[name="progress-buffy-the-vampire-slayer"]');
    expect($('input[name="progress-angel-the-series"][value="all"]').checked).toBe(true);

    click(buffyMode('all'));
    await expectStored((s) => s.spoilers.progress[BUFFY], 'all');
    expect(container!.querySelector('#season-buffy-the-vampire-slayer')).toBeNull();

    click(buffyMode('none'));
    await expectStored((s) => s.spoilers.progress[BUFFY], 'none');
    expect($('[data-fandom="Buffy the Vampire Slayer"] .progress-now').textContent).toContain('Not watching');

    click(buffyMode('through'));
    await expectStored((s) => s.spoilers.progress[BUFFY], { season: 1, episode: 0 });

    click($<HTMLButtonElement>('[data-fandom="Angel: the Series"] [data-action="remove-fandom"]'));
    await expectStored((s) => s.spoilers.progress, { [BUFFY]: { season: 1, episode: 0 } });
  });

  it('progress kept under an alias shows under the fandom name and saves under the same key', async () => {
    await mount({ spoilers: { progress: { BtVS: { season: 2, episode: 3 } } } });
    expect((await find('.progress-row')).getAttribute('data-fandom')).toBe(BUFFY);
    choose($<HTMLSelectElement>('#episode-buffy-the-vampire-slayer'), '5');
    await expectStored((s) => s.spoilers.progress, { BtVS: { season: 2, episode: 5 } });
  });

  it('says seasons the way the fandom does', () => {
    const sherlock = fandomData('Sherlock (TV)')!;
    expect(episodeChoices(sherlock, 2)[0]!.label).toBe('None of Series 2 yet');
    expect(episodeChoices(sherlock, 2).map((c) => c.label)).toContain('S2E1 A Scandal in Belgravia');
    const buffy = fandomData(BUFFY)!;
    expect(progressSummary(buffy, { season: 5, episode: 0 })).toBe('Watched through Season 4. Stories that assume a later episode are hidden.');
  });
});

describe('text hint sensitivity', () => {
  it('each choice saves and is explained', async () => {
    await mount();
    const off = await find('input[name="sensitivity"][value="off"]');
    expect(off.closest('label')!.textContent).toMatch(/author or the site says/);
    click(off);
    await expectStored((s) => s.spoilers.sensitivity, 'off');
    click($('input[name="sensitivity"][value="cautious"]'));
    await expectStored((s) => s.spoilers.sensitivity, 'cautious');
  });
});

describe('rating limit and warnings', () => {
  it('every site rating listed under a level is read as that level', () => {
    for (const step of RATING_SCALE) {
      for (const raw of [step.ao3, ...step.ffn.map((r) => `Fiction ${r}`), ...step.letters]) expect(parseRating(raw).level, raw).toBe(step.level);
    }
  });

  it('the limit, unrated stories and warnings save', async () => {
    await mount();
    const teen = await find('input[name="rating-max"][value="teen"]');
    expect(teen.closest('label')!.textContent).toContain('AO3 Teen And Up Audiences · FFN T · PG-13');
    click(teen);
    await expectStored((s) => s.ratings.max, 'teen');
    click($('input[name="rating-unrated"][value="hide"]'));
    await expectStored((s) => s.ratings.unrated, 'hide');

    expect($$('[data-setting="hide-warnings"] input[type="checkbox"]')).toHaveLength(5);
    click($('#warning-major-character-death'));
    click($('#warning-underage'));
    await expectStored((s) => s.ratings.hideWarnings, ['Major Character Death', 'Underage*']);
    click($('#warning-major-character-death'));
    await expectStored((s) => s.ratings.hideWarnings, ['Underage*']);
  });

  it('toggling a warning keeps entries the page does not show', () => {
    expect(toggleWarning(['Underage', 'major character death'], 'Major Character Death', false)).toEqual(['Underage']);
    expect(toggleWarning([], ARCHIVE_WARNINGS[4]!.entry, true)).toEqual(['Creator Chose Not To Use Archive Warnings']);
  });
});

describe('blocklists', () => {
  it('split and add entries without duplicates', () => {
    expect(splitEntries('Major Character Death, Sad Ending\nDeath Fic\r\n, ')).toEqual(['Major Character Death', 'Sad Ending', 'Death Fic']);
    expect(addEntries(['Angst'], ['angst', 'Fluff'])).toEqual(['Angst', 'Fluff']);
  });

  it('Enter adds, a pasted list adds each entry, × removes one', async () => {
    await mount();
    const tags = await find('#block-tags-input');
    type(tags, '*Character Death*');
    press(tags, 'Enter');
    await expectStored((s) => s.blocklist.tags, ['*Character Death*']);
    expect(tags.value).toBe('');

    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'Sad Ending\nDeath Fic, Angst' } });
    tags.dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);
    await expectStored((s) => s.blocklist.tags, ['*Character Death*', 'Sad Ending', 'Death Fic', 'Angst']);

    click(await find<HTMLButtonElement>('[data-list="block-tags"] [data-entry="Sad Ending"] button'));
    await expectStored((s) => s.blocklist.tags, ['*Character Death*', 'Death Fic', 'Angst']);

    const authors = $('#block-authors-input');
    type(authors, 'someone');
    const add = $<HTMLButtonElement>('[data-list="block-authors"] [data-action="add"]');
    await vi.waitFor(() => expect(add.disabled).toBe(false));
    click(add);
    type($('#allow-tags-input'), 'Fix-It');
    press($('#allow-tags-input'), 'Enter');
    type($('#allow-authors-input'), 'trusted');
    press($('#allow-authors-input'), 'Enter');
    await expectStored((s) => s.blocklist, { tags: ['*Character Death*', 'Death Fic', 'Angst'], authors: ['someone'], allowTags: ['Fix-It'], allowAuthors: ['trusted'] });
    expect($('#block-tags-hint').textContent).toContain('* matches anything');
  });
});

describe('stories you chose to always show', () => {
  it('lists them with links and removes one', async () => {
    await mount({ spoilers: { allowStories: ['ao3:42', 'efiction:www.spuffysanctuary.net:1187'] } });
    const items = await vi.waitFor(() => {
      const found = $$('[data-list="allow-stories"] li');
      if (found.length !== 2) throw new Error('not yet');
      return found;
    });
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe('https://archiveofourown.org/works/42');
    expect(items[1]!.textContent).toContain('Story 1187 on www.spuffysanctuary.net');
    click(items[0]!.querySelector('button')!);
    await expectStored((s) => s.spoilers.allowStories, ['efiction:www.spuffysanctuary.net:1187']);
  });

  it('describes ids it cannot link as they are', () => {
    expect(describeStoryId('ffnet:123')).toEqual({ text: 'FanFiction.Net story 123', href: 'https://www.fanfiction.net/s/123' });
    expect(describeStoryId('generic:abc')).toEqual({ text: 'generic:abc' });
  });
});
