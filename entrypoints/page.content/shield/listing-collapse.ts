import type { Settings } from '@/utils/settings';
import type { Blurb } from '@/utils/story';
import { verdict } from '@/utils/filters/verdict';
import { listingEntries } from '@/utils/sites/page-elements';
import { ListingPlaceholder } from '@/components/shield/ListingPlaceholder';
import { HIDDEN, createHost, ensurePageStyle, h, removeHost, renderInHost, setReasons } from './dom';

export interface ListingCollapse {
  /** Judges every entry under these settings; collapses or restores each. */
  evaluate(settings: Settings): void;
  /** Shows every collapsed entry for this visit (the reveal command). False when none was collapsed. */
  revealAll(): boolean;
  hiddenCount(): number;
}

interface Entry {
  blurb: Blurb;
  element: Element;
  placeholder: HTMLElement | null;
  /** The reader pressed "Show": it stays shown on this page whatever the settings. */
  shown: boolean;
}

/**
 * Collapses the listing entries the verdict hides into a placeholder that
 * says why. The entry keeps its place (and its element, for the site's
 * scripts); only its content is hidden, by attribute.
 */
export function createListingCollapse(doc: Document, url: URL, site: string | null, blurbs: Blurb[], onChange?: (hidden: number) => void): ListingCollapse {
  const entries: Entry[] = listingEntries(doc, url, site, blurbs).map((p) => ({ ...p, placeholder: null, shown: false }));

  const expand = (entry: Entry) => {
    entry.element.removeAttribute(HIDDEN);
    if (entry.placeholder) removeHost(entry.placeholder);
    entry.placeholder = null;
  };

  const collapse = (entry: Entry, reasons: string[]) => {
    ensurePageStyle(doc);
    entry.element.setAttribute(HIDDEN, '');
    entry.placeholder ??= createHost(doc, 'placeholder', reasons);
    if (entry.placeholder.parentNode !== entry.element) entry.element.insertBefore(entry.placeholder, entry.element.firstChild);
    setReasons(entry.placeholder, reasons);
    renderInHost(entry.placeholder, h(ListingPlaceholder, { reasons, onShow: () => show(entry) }));
  };

  const show = (entry: Entry) => {
    entry.shown = true;
    expand(entry);
    onChange?.(api.hiddenCount());
  };

  const api: ListingCollapse = {
    evaluate(settings) {
      for (const entry of entries) {
        const v = verdict(entry.blurb, settings);
        if (v.hide && !entry.shown) collapse(entry, v.reasons);
        else expand(entry);
      }
      onChange?.(api.hiddenCount());
    },
    revealAll() {
      const hidden = entries.filter((e) => e.placeholder);
      hidden.forEach((e) => {
        e.shown = true;
        expand(e);
      });
      if (hidden.length) onChange?.(0);
      return hidden.length > 0;
    },
    hiddenCount: () => entries.filter((e) => e.placeholder).length,
  };
  return api;
}
