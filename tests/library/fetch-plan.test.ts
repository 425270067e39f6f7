// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/sites';
import { emptyStory, type Story } from '@/utils/story';
import {
  AO3_CHAPTER_DELAY_MS,
  EFICTION_CHAPTER_DELAY_MS,
  FFN_DELAY_MS,
  chaptersToFetch,
  onPageOrigin,
  planFetch,
} from '@/utils/library/fetch-plan';
import { loadPage } from '../helpers/fixtures';

function storyOf(name: string, url: string): Story {
  const result = classifyPage(loadPage(name, url), url);
  if (!result.story) throw new Error(`${name} is not a story page`);
  return result.story;
}

const AO3_CH1 = 'https://archiveofourown.org/works/17793689/chapters/41980418';

describe('planFetch on AO3', () => {
  it('asks for the full-work view once, with every chapter but the one on the page, and falls back to chapter pages', () => {
    const story = storyOf('ao3/chapter-17793689-ch1.html', AO3_CH1);
    const plan = planFetch(story, AO3_CH1);
    expect(plan.kind).toBe('single');
    expect(plan.delayMs).toBe(0);
    expect(plan.requests).toEqual([
      {
        url: 'https://archiveofourown.org/works/17793689?view_full_work=true&view_adult=true',
        chapters: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
      },
    ]);
    expect(plan.story).toBe(story);
    const fallback = plan.fallback!;
    expect(fallback.kind).toBe('per-chapter');
    expect(fallback.delayMs).toBe(AO3_CHAPTER_DELAY_MS);
    expect(fallback.requests).toHaveLength(13);
    expect(fallback.requests[0]).toEqual({
      url: 'https://archiveofourown.org/works/17793689/chapters/42035519?view_adult=true',
      chapters: [2],
    });
    expect(fallback.requests.map((r) => r.chapters[0])).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('needs nothing when the full-work page already shows every posted chapter', () => {
    const url = 'https://archiveofourown.org/works/77009551?view_full_work=true';
    const story = storyOf('ao3/EDITED-fullwork-bye-bye-miss-american-pie.html', url);
    expect(story.chapterCount).toEqual({ posted: 2, planned: 8 });
    const plan = planFetch(story, url);
    expect(plan).toMatchObject({ kind: 'none', requests: [] });
    expect(plan.fallback).toBeUndefined();
  });

  it('fetches from the AO3 host the reader is on, so the session cookies apply', () => {
    const page = 'https://ao3.org/works/17793689/chapters/41980418';
    const story = storyOf('ao3/chapter-17793689-ch1.html', page);
    const plan = planFetch(story, page);
    expect(plan.requests[0]!.url).toBe('https://ao3.org/works/17793689?view_full_work=true&view_adult=true');
    expect(plan.fallback!.requests[0]!.url).toBe('https://ao3.org/works/17793689/chapters/42035519?view_adult=true');
  });
});

describe('planFetch on FanFiction.Net', () => {
  it('asks for each chapter not on the page, in order, with a polite delay', () => {
    const page = 'https://www.fanfiction.net/s/1/1/';
    const story = storyOf('ffn/chapter-counting-ch1-modern.html', page);
    const plan = planFetch(story, page);
    expect(plan).toMatchObject({ kind: 'per-chapter', delayMs: FFN_DELAY_MS, requests: [{ url: 'https://www.fanfiction.net/s/1/2/', chapters: [2] }] });
    expect(FFN_DELAY_MS).toBeGreaterThanOrEqual(1500);
    expect(FFN_DELAY_MS).toBeLessThanOrEqual(3000);
    expect(plan.fallback).toBeUndefined();
  });

  it('builds chapter addresses from the story address when the menu gives none, on the mobile host the reader uses', () => {
    const story: Story = { ...emptyStory('ffnet', 'https://www.fanfiction.net/s/42'), id: 'ffnet:42', chapterCount: { posted: 3 } };
    story.chapters = [{ index: 2, html: '<p>Two</p>', text: 'Two', words: 1 }];
    const plan = planFetch(story, 'https://m.fanfiction.net/s/42/2/');
    expect(plan.requests).toEqual([
      { url: 'https://m.fanfiction.net/s/42/1/', chapters: [1] },
      { url: 'https://m.fanfiction.net/s/42/3/', chapters: [3] },
    ]);
  });

  it('needs nothing for a one-shot', () => {
    const page = 'https://www.fanfiction.net/s/13552345/1/';
    const story = storyOf('ffn/oneshot-2020-unicorns-curse.html', page);
    expect(story.chapters).toHaveLength(1);
    expect(planFetch(story, page)).toMatchObject({ kind: 'none', requests: [] });
  });
});

describe('planFetch on eFiction', () => {
  const HP = 'http://www.hpfanficarchive.com/stories/';

  it('asks for the printable all-chapters view, falling back to each chapter page', () => {
    const page = `${HP}viewstory.php?sid=471`;
    const story = storyOf('hpfanficarchive-efiction/story-mercenary-of-hogwarts.html', page);
    const plan = planFetch(story, page);
    expect(plan.kind).toBe('single');
    expect(plan.requests).toEqual([{ url: `${HP}viewstory.php?action=printable&sid=471&textsize=0&chapter=all`, chapters: [1, 2, 3] }]);
    expect(plan.fallback).toMatchObject({
      kind: 'per-chapter',
      delayMs: EFICTION_CHAPTER_DELAY_MS,
      requests: [
        { url: `${HP}viewstory.php?sid=471&chapter=1`, chapters: [1] },
        { url: `${HP}viewstory.php?sid=471&chapter=2`, chapters: [2] },
        { url: `${HP}viewstory.php?sid=471&chapter=3`, chapters: [3] },
      ],
    });
  });

  it('needs nothing for a one-chapter story read on its chapter page', () => {
    const page = 'https://www.spuffysanctuary.net/fiction/viewstory.php?sid=1187&chapter=1';
    const story = storyOf('pages/efiction-spuffy-default-chapter.html', page);
    expect(planFetch(story, page).kind).toBe('none');
  });
});

describe('planFetch on single-page stories', () => {
  it('needs nothing for a header-block story', () => {
    const page = 'https://journal.example.org/2003/05/entry.html';
    const story = storyOf('pages/header-br-lines.html', page);
    expect(story.site).toBe('header-block');
    expect(planFetch(story, page)).toEqual({ kind: 'none', requests: [], delayMs: 0, story });
  });
});

describe('plan helpers', () => {
  it('counts chapters the story lists and the ones its posted count implies', () => {
    const story: Story = { ...emptyStory('ffnet', 'https://www.fanfiction.net/s/7'), chapterCount: { posted: 4 } };
    story.chapters = [
      { index: 1, html: '<p>a</p>', text: 'a', words: 1 },
      { index: 3, html: '', text: '', words: 0 },
    ];
    expect(chaptersToFetch(story)).toEqual([2, 3, 4]);
  });

  it('keeps addresses of another site as they are', () => {
    const page = new URL('https://www.fanfiction.net/s/1/1/');
    expect(onPageOrigin('https://archiveofourown.org/works/1', page)).toBe('https://archiveofourown.org/works/1');
    expect(onPageOrigin('https://www.fanfiction.net/s/1/2/', new URL('https://fanfiction.net/s/1/1/'))).toBe('https://fanfiction.net/s/1/2/');
  });
});
