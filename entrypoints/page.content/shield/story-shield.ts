import type { Settings, WatchProgress } from '@/utils/settings';
import type { Story } from '@/utils/story';
import { verdict, type Verdict } from '@/utils/filters/verdict';
import { episodeLabel, episodesIn, fandomData } from '@/utils/fandoms/episodes';
import { storyParts } from '@/utils/sites/page-elements';
import { ShieldPanel, type SeenChoice } from '@/components/shield/ShieldPanel';
import { COVERED, createHost, ensurePageStyle, h, removeHost, renderInHost, setReasons } from './dom';
import { setShielded } from './state';

type Spoil = Verdict['spoils'][number];

export interface StoryShieldOptions {
  doc: Document;
  story: Story;
  site: string | null;
  /** Writes a settings change and resolves with the new settings (settings-store's updateSettings). */
  update(change: (current: Settings) => Settings): Promise<Settings>;
  /** Hears whether the story is covered, and why, after every change. */
  onChange?(covered: string[]): void;
}

export interface StoryShield {
  /** Judges the story under these settings and covers or uncovers it. */
  evaluate(settings: Settings): void;
  /** Shows the story for this visit ("Show once", the reveal command). False when nothing was covered. */
  reveal(): boolean;
}

/**
 * Covers a story the verdict hides. Spoilers cover the text, summary and
 * notes (title, author and tags stay, so the reader knows what is held back);
 * a rating, warning or blocklist reason covers the tags too.
 */
export function createStoryShield({ doc, story, site, update, onChange }: StoryShieldOptions): StoryShield {
  let host: HTMLElement | null = null;
  let covered: Element[] = [];
  let shownOnce = false;
  let busy = false;
  let current: Verdict | null = null;

  const uncover = () => {
    covered.forEach((el) => el.removeAttribute(COVERED));
    covered = [];
    if (host) removeHost(host);
    host = null;
    setShielded(false);
  };

  const cover = (v: Verdict) => {
    const parts = storyParts(doc, site);
    const onlySpoilers = v.reasons.length === v.spoils.length;
    const targets = [...parts.body, ...parts.summary, ...parts.notes, ...(onlySpoilers ? [] : parts.meta)];
    if (targets.length === 0) return;
    ensurePageStyle(doc);
    covered.filter((el) => !targets.includes(el)).forEach((el) => el.removeAttribute(COVERED));
    targets.forEach((el) => el.setAttribute(COVERED, ''));
    covered = targets;
    if (!host) {
      host = createHost(doc, 'shield', v.reasons);
      const first = parts.body[0]!;
      first.parentNode!.insertBefore(host, first);
    }
    setReasons(host, v.reasons);
    renderPanel(v);
    setShielded(true);
  };

  const renderPanel = (v: Verdict) => {
    if (!host) return;
    const seen: SeenChoice[] = v.spoils.map((s) => ({ label: spoilLabel(s) }));
    renderInHost(
      host,
      h(ShieldPanel, {
        reasons: v.reasons,
        seen,
        busy,
        onShowOnce: () => void api.reveal(),
        onAlwaysShow: () => void change((s) => allowStory(s, story.id)),
        onSeen: (index: number) => void change((s) => seenUpTo(s, v.spoils[index]!)),
      }),
    );
  };

  const change = async (edit: (s: Settings) => Settings) => {
    busy = true;
    if (current) renderPanel(current);
    try {
      api.evaluate(await update(edit));
    } finally {
      busy = false;
      if (host && current) renderPanel(current);
    }
  };

  const api: StoryShield = {
    evaluate(settings) {
      current = verdict(story, settings);
      if (current.hide && !shownOnce) cover(current);
      else uncover();
      onChange?.(host ? current.reasons : []);
    },
    reveal() {
      const wasCovered = host !== null;
      shownOnce = true;
      uncover();
      onChange?.([]);
      return wasCovered;
    },
  };
  return api;
}

/** "Buffy S6E19 Seeing Red", "Buffy Season 6". */
export function spoilLabel(spoil: Spoil): string {
  const f = fandomData(spoil.fandom);
  const name = f?.short ?? f?.name ?? spoil.fandom;
  if (f) return `${name} ${episodeLabel(f, spoil)}`;
  return spoil.episode === undefined ? `${name} Season ${spoil.season}` : `${name} S${spoil.season}E${spoil.episode}`;
}

/**
 * Progress that includes the spoiled episode. A whole season is its last
 * episode; without a guide, "episode 0 of the next season" (the previous one finished).
 */
export function progressThrough(spoil: Spoil): Exclude<WatchProgress, 'all' | 'none'> {
  if (spoil.episode !== undefined) return { season: spoil.season, episode: spoil.episode };
  const f = fandomData(spoil.fandom);
  const length = f ? episodesIn(f, spoil.season).length : 0;
  return length > 0 ? { season: spoil.season, episode: length } : { season: spoil.season + 1, episode: 0 };
}

export function seenUpTo(settings: Settings, spoil: Spoil): Settings {
  const progress = { ...settings.spoilers.progress, [spoil.fandom]: progressThrough(spoil) };
  return { ...settings, spoilers: { ...settings.spoilers, progress } };
}

export function allowStory(settings: Settings, id: string): Settings {
  if (!id || settings.spoilers.allowStories.includes(id)) return settings;
  return { ...settings, spoilers: { ...settings.spoilers, allowStories: [...settings.spoilers.allowStories, id] } };
}
