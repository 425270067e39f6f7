/**
 * Sites FicShelf works on from install (host permissions and content-script
 * matches). Every other site is an optional permission the reader grants from
 * the popup; eFiction and header-block pages are recognised by markup there.
 */
export const KNOWN_STORY_SITES = [
  // OTW Archive software
  '*://archiveofourown.org/*',
  '*://*.archiveofourown.org/*',
  '*://archiveofourown.gay/*',
  '*://superlove.sayitditto.net/*',
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
