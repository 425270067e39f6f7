import type { Blurb, Story } from '../story';

/**
 * One site family. `matches` is a cheap URL test used to pick candidates;
 * `detect` confirms from the DOM (eFiction and header-block pages live on any
 * domain, so they match every URL and decide by markup). `extract` returns
 * null when the page is of the family but is not a story (404, login wall).
 */
export interface SiteAdapter {
  id: string;
  /** Human name for messages and the popup. */
  name: string;
  matches(url: URL): boolean;
  detect(doc: Document, url: URL): boolean;
  extract(doc: Document, url: URL): Story | null;
  listing?(doc: Document, url: URL): Blurb[] | null;
}
