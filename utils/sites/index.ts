import type { PageResult } from '../story';
import type { SiteAdapter } from './types';
import { classifyWith, pickAdapterFrom, type ClassifyOptions } from './classify';
import { otw } from './otw';
import { ffnet } from './ffnet';
import { efiction } from './efiction';
import { headerBlock } from './header-block';

export { enrichBlurb, enrichStory, type ClassifyOptions } from './classify';

/**
 * The registry: which adapter reads a page. Known families are tried in
 * order of how specific their markup is; the generic fallback runs only on
 * pages the reader enabled it for.
 */
export const ADAPTERS: readonly SiteAdapter[] = [otw, ffnet, efiction, headerBlock];

export function adapterById(id: string): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

/** Which adapter of every family claims the page, without extracting anything. */
export function pickAdapter(doc: Document, url: URL, options: ClassifyOptions = {}): SiteAdapter | null {
  return pickAdapterFrom(ADAPTERS, doc, url, options);
}

/** Reads a page with every family (see classifyWith): the CLI, tests and extension pages. */
export function classifyPage(doc: Document, url: URL | string, options: ClassifyOptions = {}): PageResult {
  return classifyWith(ADAPTERS, doc, url, options);
}
