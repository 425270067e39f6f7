import type { PagePart } from '@/utils/messages';
import type { SiteAdapter } from '@/utils/sites/types';
import type { Feature, FeatureContext } from '../features/feature';
import type { SaveController } from '../save/controller';
import type { SaveDeps } from '../save/run-save';

/** What each on-demand part gives the content script once it has run. */
export interface PartApis {
  reader: { startReader(context: FeatureContext, autoOpen: boolean): void };
  save: { startPageSave(context: FeatureContext, extract: SaveDeps['extract']): SaveController };
  shield: { spoilerShield: Feature; listingFilter: Feature };
  /** The fandoms whose guides it registered (utils/fandoms/guides.ts keeps the guides themselves). */
  guides: { fandoms: readonly string[] };
  generic: { generic: SiteAdapter };
}

/**
 * Parts run as separate scripts in the same isolated world as the content
 * script; they meet on one global, as module state is not shared between
 * separately built scripts.
 */
const PARTS_KEY = Symbol.for('ficshelf.parts');
type PartStore = Partial<{ [K in PagePart]: PartApis[K] }>;

function partStore(): PartStore {
  const holder = globalThis as unknown as Record<symbol, PartStore | undefined>;
  return (holder[PARTS_KEY] ??= {});
}

/** Called by a part's script when it runs: makes its API available to the content script. */
export function registerPart<K extends PagePart>(name: K, api: PartApis[K]): void {
  partStore()[name] = api as PartStore[K];
}

/** The part's API when it already ran in this frame. */
export function loadedPart<K extends PagePart>(name: K): PartApis[K] | undefined {
  return partStore()[name] as PartApis[K] | undefined;
}

const pending = new Map<PagePart, Promise<unknown>>();

/** The part's API, asking the background to run its script in this frame the first time. */
export function loadPart<K extends PagePart>(name: K): Promise<PartApis[K]> {
  const ready = loadedPart(name);
  if (ready) return Promise.resolve(ready);
  let loading = pending.get(name) as Promise<PartApis[K]> | undefined;
  if (!loading) {
    // Shared by callers while in flight only: once run, the part is on the global; a failed load may be retried.
    loading = requestPart(name).finally(() => pending.delete(name));
    pending.set(name, loading);
  }
  return loading;
}

async function requestPart<K extends PagePart>(name: K): Promise<PartApis[K]> {
  const answer = (await browser.runtime.sendMessage({ type: 'ficshelf:load-part', part: name })) as { ok?: boolean; error?: string } | undefined;
  const api = loadedPart(name);
  if (api) return api;
  throw new Error(`FicShelf could not load its ${name} code${answer?.error ? `: ${answer.error}` : ''}`);
}
