import { KNOWN_STORY_SITES } from '@/utils/known-sites';
import { FAIL_OPEN_MS, earlyHideCss } from './page.content/shield/early-hide';
import { READY_ATTRIBUTE, markFiltered } from './page.content/shield/ready';

/**
 * No flash of a spoiler: at document_start, before anything paints, story
 * containers are made invisible until the page content script has judged
 * the page (entrypoints/page.content, which marks <html>). The rule is keyed
 * on attributes of <html>, so non-story pages and judged pages show at once;
 * if the judging never comes (extraction failed, extension reloaded), the page
 * shows FAIL_OPEN_MS after it is parsed: failing open, never hiding a site for good.
 */
export default defineContentScript({
  matches: [...KNOWN_STORY_SITES],
  runAt: 'document_start',
  main() {
    const root = document.documentElement;
    if (!root || root.hasAttribute(READY_ATTRIBUTE)) return;
    const style = document.createElement('style');
    style.dataset.ficshelf = 'early-hide';
    style.textContent = earlyHideCss();
    // <head> does not exist yet at document_start; a style under <html> applies all the same.
    root.appendChild(style);
    const failOpen = () =>
      setTimeout(() => {
        if (!root.hasAttribute(READY_ATTRIBUTE)) markFiltered(document, 'timeout');
      }, FAIL_OPEN_MS);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', failOpen, { once: true });
    else failOpen();
  },
});
