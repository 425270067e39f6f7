import { render } from 'preact';
import { vi } from 'vitest';
import { emptyStory, type Chapter, type Story } from '@/utils/story';
import { classifyPage } from '@/utils/sites';
import { openLibrary } from '@/utils/library/schema';
import { loadPage } from '../helpers/fixtures';

/** A real multi-chapter AO3 work (full-work view) as the adapter reads it. */
export const SILVER_EYES = {
  fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html',
  url: 'https://archiveofourown.org/works/24861814?view_full_work=true',
};

const parsed = new Map<string, Story>();

/** Parsing a 600 KB page takes seconds under jsdom: once per test file, then copies. */
export function realStory(page = SILVER_EYES): Story {
  let story = parsed.get(page.fixture);
  if (!story) {
    story = classifyPage(loadPage(page.fixture, page.url), page.url).story;
    if (!story) throw new Error(`no story in ${page.fixture}`);
    parsed.set(page.fixture, story);
  }
  return structuredClone(story);
}

const paragraph = (text: string) => `<p>${text}</p>`;

function chapter(index: number, text: string): Chapter {
  return { index, title: `Part ${index}`, html: paragraph(text), text, words: text.split(/\s+/).length };
}

/** A small invented story, for lists where only the header matters. */
export function makeStory(n: number, overrides: Partial<Story> = {}): Story {
  const chapters = overrides.chapters ?? [chapter(1, `Opening words of story number ${n}.`), chapter(2, `The second chapter of story ${n} goes on.`)];
  return {
    ...emptyStory('otw', `https://archiveofourown.org/works/${1000 + n}`),
    id: `ao3:${1000 + n}`,
    title: `Story ${String(n).padStart(4, '0')}`,
    authors: [{ name: `Writer ${n % 7}` }],
    fandoms: ['Buffy the Vampire Slayer'],
    rating: { raw: 'Teen And Up Audiences', level: 'teen' },
    status: 'complete',
    words: 100 + n,
    chapterCount: { posted: chapters.length, planned: chapters.length },
    updated: `2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
    ...overrides,
    chapters,
  };
}

let dbCount = 0;
/** A database of its own for each test (fake-indexeddb keeps them apart by name). */
export async function freshLibrary() {
  const name = `library-ui-${Date.now()}-${dbCount++}`;
  const db = await openLibrary(name);
  return { name, db };
}

export function mountInto(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

export function unmount(container: HTMLElement | undefined): void {
  if (!container) return;
  render(null, container);
  container.remove();
}

export function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string, event: 'input' | 'change' = 'input'): void {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

export function check(input: HTMLInputElement, on = true): void {
  input.checked = on;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export async function find<T extends Element = HTMLElement>(root: ParentNode, selector: string, timeout = 3000): Promise<T> {
  return vi.waitFor(
    () => {
      const el = root.querySelector<T>(selector);
      if (!el) throw new Error(`no ${selector}`);
      return el;
    },
    { timeout },
  );
}

/** The story ids of the entries on screen, in order. */
export function shownIds(root: ParentNode): string[] {
  return [...root.querySelectorAll('[data-ficshelf="library-item"]')].map((el) => el.getAttribute('data-story-id')!);
}
