/**
 * Sites FicShelf works on from install (host permissions and content-script
 * matches). Every other site is an optional permission the reader grants from
 * the popup; eFiction and header-block pages are recognised by markup there.
 */
export const OTW_STORY_SITES = [
  // OTW Archive software
  '*://archiveofourown.org/*',
  '*://*.archiveofourown.org/*',
  '*://archiveofourown.gay/*',
  '*://superlove.sayitditto.net/*',
] as const;

/**
 * The known sites the OTW adapter cannot claim. They get the content script
 * with every family; the OTW hosts get their own, which carries only the OTW
 * adapter (the page code injected on AO3 is kept small, docs/performance.md).
 */
export const OTHER_KNOWN_STORY_SITES = [
  // FanFiction.Net and FictionPress
  '*://*.fanfiction.net/*',
  '*://fanfiction.net/*',
  '*://*.fictionpress.com/*',
  '*://fictionpress.com/*',
  // Well-known eFiction archives
  '*://hpfanficarchive.com/*',
  '*://*.hpfanficarchive.com/*',
  '*://*.potionsandsnitches.org/*',
  '*://ashwinder.sycophanthex.com/*',
  '*://*.dracoandginny.com/*',
  '*://*.samandjack.net/*',
  // Journals where header-block stories were posted
  '*://*.livejournal.com/*',
  '*://*.dreamwidth.org/*',
] as const;

/** Every known site: host permissions, the early hider and isKnownStoryHost use the union. */
export const KNOWN_STORY_SITES = [...OTW_STORY_SITES, ...OTHER_KNOWN_STORY_SITES] as const;
