// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listingFilter } from '@/entrypoints/page.content/features/listing-filter';
import { FEATURES } from '@/entrypoints/page.content/features';
import type { PageReport } from '@/utils/messages';
import { EFICTION_BROWSE, FFN_LIST, JILY, reasonsOf, settingsWith, settle, shadowButton, showPage, startFeature } from './helpers';

/** Ids of the listing entries collapsed right now, in page order, read back from the page's elements. */
function hiddenTitles(): string[] {
  return Array.from(document.querySelectorAll('[data-ficshelf-hidden]')).map(
    (el) => (el.querySelector('h4.heading a[href*="/works/"], a.stitle, a[href*="viewstory.php"]')?.textContent ?? '').trim(),
  );
}

const placeholders = () => Array.from(document.querySelectorAll<HTMLElement>('[data-ficshelf-hidden] > [data-ficshelf="placeholder"]'));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the listing filter', () => {
  it('is registered, for listing pages only', () => {
    expect(FEATURES).toContain(listingFilter);
    expect(listingFilter.runsOn({ kind: 'story', site: 'otw' })).toBe(false);
    expect(listingFilter.runsOn({ kind: 'listing', site: 'otw', listing: { items: [] } })).toBe(false);
  });

  it('collapses exactly the six AO3 blurbs tagged Slow Burn (not “pretty slow burn”), each with a placeholder that says why', async () => {
    const page = showPage(JILY.fixture, JILY.url);
    expect(page.listing!.items).toHaveLength(20);
    await startFeature(listingFilter, page, settingsWith({ tags: ['slow burn'] }));
    expect(hiddenTitles()).toEqual([
      'A Dream of Drowning',
      'Keep Score',
      'Sometimes all you need is someone for to be',
      'Both Sides Now',
      'The Middle Path of Moonlight',
      'Sing Loud in the Long Night',
    ]);
    const holders = placeholders();
    expect(holders).toHaveLength(6);
    expect(holders.map(reasonsOf)).toEqual(Array(6).fill(['Tag blocked: Slow Burn']));
    expect(holders[0]!.shadowRoot!.textContent).toContain('Hidden: Tag blocked: Slow Burn');
    expect(document.querySelectorAll('li.blurb')).toHaveLength(20);
    expect(document.documentElement.getAttribute('data-ficshelf-filtered')).toBe('done');
  });

  it('matches wildcards and adds the rating reason to the same placeholder', async () => {
    const page = showPage(JILY.fixture, JILY.url);
    await startFeature(listingFilter, page, settingsWith({ tags: ['*regulus*'], max: 'mature' }));
    const first = document.querySelector('[data-ficshelf-hidden]')!;
    expect(first.querySelector('h4.heading a')!.textContent).toBe('A Dream of Drowning');
    expect(reasonsOf(first.querySelector('[data-ficshelf="placeholder"]'))).toEqual([
      'Rated Explicit — your limit is Mature',
      'Tags blocked: Regulus Black/Severus Snape, Regulus Black & Sirius Black, Regulus Black, POV Regulus Black, Regulus Black is going through it, Seer Regulus Black, Regulus Black Needs a Hug, Healer Regulus Black',
    ]);
  });

  it('"Show" brings one entry back and leaves the others collapsed', async () => {
    const page = showPage(JILY.fixture, JILY.url);
    await startFeature(listingFilter, page, settingsWith({ tags: ['slow burn'] }));
    shadowButton(placeholders()[0]!, '[data-ficshelf="reveal"]').click();
    expect(hiddenTitles()).toHaveLength(5);
    expect(hiddenTitles()[0]).toBe('Keep Score');
    expect(document.querySelectorAll('[data-ficshelf="placeholder"]')).toHaveLength(5);
  });

  it('re-judges live when settings change, and the reveal command shows everything', async () => {
    const page = showPage(JILY.fixture, JILY.url);
    const feature = await startFeature(listingFilter, page, settingsWith({}));
    expect(hiddenTitles()).toEqual([]);
    feature.changeSettings(settingsWith({ max: 'teen' }));
    expect(hiddenTitles()).toHaveLength(12);
    feature.changeSettings(settingsWith({ tags: ['slow burn'] }));
    expect(hiddenTitles()).toHaveLength(6);
    expect(await feature.command('reveal')).toBe(true);
    expect(hiddenTitles()).toEqual([]);
    expect(document.querySelectorAll('[data-ficshelf="placeholder"]')).toHaveLength(0);
    expect(await feature.command('reveal')).toBe(false);
  });

  it('tells the background how many entries it hid, for the popup', async () => {
    const reports: PageReport[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: any) => {
      if (message?.type === 'ficshelf:page') reports.push(message.page);
    });
    const page = showPage(JILY.fixture, JILY.url);
    await startFeature(listingFilter, page, settingsWith({ tags: ['slow burn'] }));
    await settle();
    expect(reports.at(-1)).toMatchObject({ kind: 'listing', site: 'otw', listingCount: 20, hiddenCount: 6 });
  });

  it('collapses the explicit entry of an eFiction browse list under a Teen limit', async () => {
    const page = showPage(EFICTION_BROWSE.fixture, EFICTION_BROWSE.url);
    await startFeature(listingFilter, page, settingsWith({ max: 'teen' }));
    const hidden = Array.from(document.querySelectorAll('[data-ficshelf-hidden]'));
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.classList.contains('listbox')).toBe(true);
    expect(hidden[0]!.querySelector('a[href*="viewstory.php"]')!.getAttribute('href')).toContain('sid=905');
    expect(reasonsOf(hidden[0]!.querySelector('[data-ficshelf="placeholder"]'))).toEqual(['Rated Explicit — your limit is Teen']);
  });

  it('collapses the M and MA entries of an FFN story list under a Teen limit', async () => {
    const page = showPage(FFN_LIST.fixture, FFN_LIST.url);
    await startFeature(listingFilter, page, settingsWith({ max: 'teen' }));
    const hidden = Array.from(document.querySelectorAll('div.z-list[data-ficshelf-hidden]'));
    expect(hidden.map((el) => el.querySelector('a.stitle')!.getAttribute('href'))).toEqual([
      expect.stringMatching(/^\/s\/33333333\//),
      expect.stringMatching(/^\/s\/77777777\//),
    ]);
    expect(hidden.map((el) => reasonsOf(el.querySelector('[data-ficshelf="placeholder"]')))).toEqual([
      ['Rated Mature — your limit is Teen'],
      ['Rated Explicit — your limit is Teen'],
    ]);
  });
});
