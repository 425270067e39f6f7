/**
 * Containers that hold story text, summaries or listing entries on the known
 * sites. Kept invisible (visibility, so the layout does not jump when they
 * appear) from document_start until the filters have judged the page.
 */
export const STORY_CONTAINERS = [
  // OTW Archive: the work (title, summary, notes, chapters) and listing blurbs
  '#workskin',
  'li.work.blurb',
  'li.bookmark.blurb',
  // FanFiction.Net / FictionPress: header box (summary), text, story-list entries
  '#profile_top',
  '#storytextp',
  '#storytext',
  '#storycontent',
  'div.z-list',
  // eFiction: chapter text, printable chapters, story info and notes, browse entries
  '#story',
  '.chapter',
  '.storyinfo',
  '.notes',
  '.listbox',
  // LiveJournal / Dreamwidth entries (header-block stories)
  '.entry-content',
  '.b-singlepost-body',
  '.entry_text',
];

/**
 * Released as soon as <html> says the page is not a story, or the filters are
 * done (data-ficshelf-filtered, also set by the fail-open timer).
 */
export function earlyHideCss(): string {
  const scope = 'html:not([data-ficshelf="none"]):not([data-ficshelf-filtered])';
  return `${STORY_CONTAINERS.map((s) => `${scope} ${s}`).join(',\n')} { visibility: hidden !important; }\n`;
}

/** How long after the document is parsed the page shows anyway when the filters never answer. */
export const FAIL_OPEN_MS = 3000;
