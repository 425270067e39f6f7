import type { Route } from '../tests/e2e/harness';
import { AO3_DRAGON_AGE_FULL, handMadeAo3FullWork } from '../tests/e2e/ao3-full-work';

/** The sample stories the demo serves, each at the address it has on the web. */
export interface Sample {
  name: string;
  url: string;
  route: Route;
}

export const SAMPLES: Sample[] = [
  { name: 'ao3-work', url: 'https://archiveofourown.org/works/17793689', route: { fixture: 'ao3/work-17793689-dragonage-ch1-index.html' } },
  { name: 'ao3-full-work', url: 'https://archiveofourown.org/works/1/view_full_work', route: { fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html' } },
  { name: 'ao3-listing', url: 'https://archiveofourown.org/tags/Sherlock%20Holmes/works', route: { fixture: 'ao3/tag-works-sherlock-holmes.html' } },
  { name: 'ffn-chapter', url: 'https://www.fanfiction.net/s/5853866/1/Counting', route: { fixture: 'ffn/chapter-counting-ch1-modern.html' } },
  { name: 'efiction-story', url: 'http://hpfanficarchive.com/stories/viewstory.php?sid=471', route: { fixture: 'hpfanficarchive-efiction/story-mercenary-of-hogwarts.html' } },
  { name: 'header-block-journal', url: 'https://michael-writes.dreamwidth.org/1567.html', route: { fixture: 'pages/header-journal-entry.html' } },
  { name: 'efiction-seed-chapter', url: 'http://hpfanficarchive.com/stories/viewstory.php?sid=1187&chapter=1', route: { fixture: 'pages/efiction-spuffy-default-chapter.html' } },
];

/** Pages a sample's save (or the library's update check) fetches besides the sample itself (its other chapters, AO3's full-work view). */
export const SAVE_ROUTES: Array<{ url: string; route: Route }> = [
  { url: 'https://www.fanfiction.net/s/5853866/2/', route: { fixture: 'ffn/chapter-counting-ch2-modern.html' } },
  // The story's own address, which the library's "Check for updates" reads.
  { url: 'https://www.fanfiction.net/s/5853866', route: { fixture: 'ffn/chapter-counting-ch1-modern.html' } },
  { url: 'http://hpfanficarchive.com/stories/viewstory.php?sid=1187', route: { fixture: 'pages/efiction-spuffy-default-chapter.html' } },
  { url: AO3_DRAGON_AGE_FULL, route: { html: handMadeAo3FullWork() } },
];

/** The samples the demo saves to the library (through the popup's Save), for the library and offline reader screenshots. */
export const LIBRARY_SAMPLES = ['ao3-work', 'ffn-chapter', 'efiction-seed-chapter'];
