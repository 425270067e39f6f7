import { parseRating } from '../metadata/rating';
import { isoDate, squash } from '../metadata/text';
import type { Blurb } from '../story';
import { ffnDate, parseCharacters, ratingLetter, unixDate, type FfnInfo } from './ffnet-info';

/** FanFiction.Net and FictionPress run the same software; FictionPress holds original fiction. */
export type FfnFamily = 'ffnet' | 'fictionpress';

const HOST = /^(?:(?:www|m)\.)?(fanfiction\.net|fictionpress\.com)$/i;

export function familyOf(url: URL): FfnFamily | null {
  const m = HOST.exec(url.hostname);
  if (!m) return null;
  return m[1]!.toLowerCase() === 'fictionpress.com' ? 'fictionpress' : 'ffnet';
}

/** Canonical origin: story keys and links should not depend on the mobile or bare host. */
export function originOf(family: FfnFamily): string {
  return family === 'fictionpress' ? 'https://www.fictionpress.com' : 'https://www.fanfiction.net';
}

export function storyUrl(family: FfnFamily, id: string): string {
  return `${originOf(family)}/s/${id}`;
}

export function chapterUrl(family: FfnFamily, id: string, index: number): string {
  return `${originOf(family)}/s/${id}/${index}/`;
}

export function absoluteUrl(href: string | null | undefined, family: FfnFamily): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, originOf(family)).href;
  } catch {
    return undefined;
  }
}

/** A date from a data-xutime timestamp, else as written (FFN: month first, two-digit years on old pages). */
export function infoDate(timestamp: string | undefined, written: string | undefined): string | undefined {
  return unixDate(timestamp) ?? ffnDate(written) ?? isoDate(written);
}

/**
 * Fills what the info line says, the same way on story pages and story lists.
 * `menuChapters` is the chapter menu's length, for pages whose info line has no "Chapters:".
 */
export function applyInfo(
  story: Blurb,
  info: FfnInfo,
  timestamps: { updated?: string; published?: string },
  menuChapters = 0,
): void {
  story.rating = info.rating ? parseRating(ratingLetter(info.rating)) : { raw: '', level: 'unrated' };
  if (info.language) story.language = info.language;
  story.tags = [...info.genres];
  const cast = parseCharacters(info.characters);
  story.characters = cast.characters;
  story.relationships = cast.relationships;
  story.status = info.complete ? 'complete' : 'in-progress';
  if (info.words !== undefined) story.words = info.words;
  const posted = info.chapters ?? (menuChapters || 1);
  story.chapterCount = info.complete ? { posted, planned: posted } : { posted };
  const published = infoDate(timestamps.published, info.published);
  const updated = infoDate(timestamps.updated, info.updated);
  if (published) story.published = published;
  if (updated) story.updated = updated;
  const fields: Record<string, string> = { ...info.fields };
  if (info.language) fields.Language = info.language;
  if (info.genres.length) fields.Genre = info.genres.join('/');
  if (info.characters) fields.Characters = squash(info.characters);
  story.fields = fields;
}
