import { readFileSync } from 'node:fs';
import { classifyPage } from '@/utils/sites';
import type { Story } from '@/utils/story';
import { fixturePath } from '../helpers/fixtures';

export const AO3_CHAPTER = {
  fixture: 'ao3/chapter-17793689-ch2.html',
  url: 'https://archiveofourown.org/works/17793689/chapters/42035519',
  golden: 'tests/goldens/ao3/chapter-17793689-ch2.json',
};
export const AO3_FULL_WORK = {
  fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html',
  url: 'https://archiveofourown.org/works/24861814?view_full_work=true',
  golden: 'tests/goldens/ao3/fullwork-through-your-silver-eyes-hp.json',
};

/**
 * Puts a saved page into the test's own (global) jsdom document, the way a
 * content script finds it, and reads its Story there. Scripts do not run.
 */
export function showPage(fixture: string, url: string): Story {
  const html = readFileSync(fixturePath(fixture), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceWith(document.adoptNode(parsed.documentElement));
  const result = classifyPage(document, url);
  if (!result.story) throw new Error(`${fixture} is not a story page`);
  return result.story;
}

export function golden(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function readerHost(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-ficshelf="reader"]');
}

export function readerRoot(): ShadowRoot {
  const root = readerHost()?.shadowRoot;
  if (!root) throw new Error('reader mode is not open');
  return root;
}

/** Text of the reader, white space collapsed. */
export function readerText(): string {
  return (readerRoot().querySelector('.fs-reader')?.textContent ?? '').replace(/\s+/g, ' ');
}

export function press(key: string, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/**
 * Waits until the open reader has the whole chapter text in and its place
 * restored (it paints the first screen first, the rest after that frame).
 */
export async function textSettled(timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!readerRoot().querySelector('.fs-reader[data-restored]')) {
    if (Date.now() > until) throw new Error('the reader never had its whole text in and its place restored');
    await settle(10);
  }
}

/** Lets promises (storage, Preact's scheduled renders) and a frame or two settle. */
export async function settle(ms = 40): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
