import { readFileSync } from 'node:fs';
import { ADAPTERS, classifyPage } from '@/utils/sites';
import type { Command } from '@/utils/messages';
import type { PageResult } from '@/utils/story';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/utils/settings';
import type { Feature } from '@/entrypoints/page.content/features/feature';
import { storyExtractor } from '@/entrypoints/page.content/save/extract';
import { fixturePath } from '../helpers/fixtures';

export const SEEING_RED = { fixture: 'pages/ao3-hand-made-buffy-post-seeing-red.html', url: 'https://archiveofourown.org/works/48582418/chapters/122448127' };
export const BECOMING = { fixture: 'pages/ao3-hand-made-buffy-post-becoming.html', url: 'https://archiveofourown.org/works/48582419/chapters/122448128' };
export const JILY = { fixture: 'ao3/EDITED-tag-works-jily-listing.html', url: 'https://archiveofourown.org/tags/James%20Potter*s*Lily%20Evans%20Potter/works' };
export const EFICTION_BROWSE = { fixture: 'pages/efiction-browse-default.html', url: 'https://www.spuffysanctuary.net/fiction/browse.php?type=categories&catid=2' };
export const FFN_LIST = { fixture: 'pages/ffn-hand-made-story-list.html', url: 'https://www.fanfiction.net/tv/Buffy-The-Vampire-Slayer/' };

/** Puts a page into the test's global jsdom document (at its URL, as a content script finds it) and reads it. */
export function showPage(fixture: string, url: string): PageResult {
  (globalThis as unknown as { jsdom: { reconfigure(o: { url: string }): void } }).jsdom.reconfigure({ url });
  const html = readFileSync(fixturePath(fixture), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceWith(document.adoptNode(parsed.documentElement));
  return classifyPage(document, url);
}

export function settingsWith(change: { progress?: Settings['spoilers']['progress']; max?: Settings['ratings']['max']; tags?: string[]; sensitivity?: Settings['spoilers']['sensitivity'] }): Settings {
  return normalizeSettings({
    ...DEFAULT_SETTINGS,
    spoilers: { ...DEFAULT_SETTINGS.spoilers, progress: change.progress ?? {}, sensitivity: change.sensitivity ?? 'balanced' },
    ratings: { ...DEFAULT_SETTINGS.ratings, max: change.max ?? 'explicit' },
    blocklist: { ...DEFAULT_SETTINGS.blocklist, tags: change.tags ?? [] },
  });
}

export const BUFFY_S4E9 = { 'Buffy the Vampire Slayer': { season: 4, episode: 9 } };

/** A feature started the way run-features starts it; commands and settings changes go through the returned handles. */
export async function startFeature(feature: Feature, page: PageResult, settings: Settings) {
  const commands: Array<(command: Command) => boolean | Promise<boolean>> = [];
  const changes: Array<(settings: Settings) => void> = [];
  await feature.start({
    page,
    settings,
    extract: storyExtractor(ADAPTERS),
    onCommand: (handler) => void commands.push(handler),
    onSettings: (handler) => void changes.push(handler),
  });
  return {
    command: async (command: Command) => (await Promise.all(commands.map((h) => h(command)))).some(Boolean),
    changeSettings: (next: Settings) => changes.forEach((h) => h(next)),
  };
}

export function shieldHost(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-ficshelf="shield"]');
}

export function reasonsOf(host: Element | null): string[] {
  return JSON.parse(host?.getAttribute('data-reasons') ?? '[]');
}

export function shadowButton(host: Element, selector: string): HTMLButtonElement {
  const button = host.shadowRoot?.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector} in the shadow root`);
  return button;
}

export async function settle(ms = 30): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
