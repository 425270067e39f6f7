import type { PageResult } from '@/utils/story';
import type { Command } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import type { StoryExtractor } from '../save/extract';

/** What every in-page feature is given: the page as read, the settings, and a way to hear commands. */
export interface FeatureContext {
  page: PageResult;
  settings: Settings;
  /** Reads a fetched page of this story with the adapters of the content script that read this one (saving). */
  extract: StoryExtractor;
  /** Registers a handler for a `ficshelf:command` (shortcut, popup, context menu). Returns true if it handled it. */
  onCommand(handler: (command: Command) => boolean | Promise<boolean>): void;
  /** Hears every later change of the settings (options page, another tab). */
  onSettings(handler: (settings: Settings) => void): void;
}

/**
 * One in-page feature per file (reader mode, spoiler shield, listing filter,
 * save): which pages it runs on, and what it does there.
 */
export interface Feature {
  id: string;
  runsOn(page: PageResult): boolean;
  start(context: FeatureContext): void | Promise<void>;
}
