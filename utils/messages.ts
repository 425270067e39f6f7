import type { PageKind, Story } from './story';

/** What a content script found on its page, as the background keeps it per tab. */
export interface PageReport {
  kind: PageKind;
  site: string | null;
  url: string;
  /** The extracted story, HTML already sanitised by the adapter. */
  story?: Story;
  /** Entries found on a listing page. */
  listingCount?: number;
}

export type Command = 'toggle-reader' | 'save' | 'reveal';

export type Message =
  | { type: 'ficshelf:page'; page: PageReport }
  | { type: 'ficshelf:tab-state'; tabId: number }
  | { type: 'ficshelf:enable-site'; tabId?: number; origin: string }
  | { type: 'ficshelf:command'; command: Command }
  /** From a content script (which cannot open it itself): show the options page. */
  | { type: 'ficshelf:open-options' };

export type TabState = { tabId: number; page: PageReport | null };

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('ficshelf:')
  );
}
