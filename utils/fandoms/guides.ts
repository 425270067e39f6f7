import type { CanonHint, Episode } from './types';

/**
 * Episode guides and canon hints: what the spoiler parser needs to place a
 * mark on an episode, and most of the fandom data by size. A content script
 * runs on every page of the sites a reader visits, so it carries the fandom
 * names only and gets the guides (the `guides` part) on pages whose fandoms
 * have one; extension pages, the CLI and tests register every guide at once
 * (all-guides.ts). Pure code asks FANDOMS as always: index.ts fills each
 * fandom from here when a guide arrives.
 *
 * Separately built scripts in one page (the content script, its parts) do
 * not share module state, so the guides are kept on one global, as the
 * parts registry does.
 */
export interface FandomGuide {
  /** The fandom's canonical name (FandomData.name). */
  fandom: string;
  episodes: Episode[];
  hints?: CanonHint[];
}

/** The fandoms that have a guide; all-guides.ts holds one for each (a test checks). */
export const GUIDED_FANDOMS: readonly string[] = [
  'Buffy the Vampire Slayer',
  'Angel: the Series',
  'Supernatural',
  'Merlin (TV)',
  'Teen Wolf',
  'Sherlock (TV)',
  'Hannibal (TV)',
  'Good Omens (TV)',
];

interface GuideStore {
  byFandom: Map<string, FandomGuide>;
  /** Goes up with every registration, so readers know to look again. */
  version: number;
}

const STORE_KEY = Symbol.for('ficshelf.fandom-guides');

function store(): GuideStore {
  const holder = globalThis as unknown as Record<symbol, GuideStore | undefined>;
  return (holder[STORE_KEY] ??= { byFandom: new Map(), version: 0 });
}

/** Makes guides available to every script of this page (or this extension page, or process). */
export function registerGuides(guides: readonly FandomGuide[]): void {
  const { byFandom } = store();
  for (const guide of guides) if (!byFandom.has(guide.fandom)) byFandom.set(guide.fandom, guide);
  store().version++;
}

export function registeredGuide(fandom: string): FandomGuide | undefined {
  return store().byFandom.get(fandom);
}

export function guidesVersion(): number {
  return store().version;
}
