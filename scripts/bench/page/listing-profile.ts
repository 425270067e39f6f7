import { classifyPage } from '../../../utils/sites';
import { readBlurbs } from '../../../utils/sites/otw-blurb';
import { enrichBlurb } from '../../../utils/sites/classify';
import { verdict } from '../../../utils/filters/verdict';
import { listingEntries } from '../../../utils/sites/page-elements';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { buildSyntheticListing, templatesFromHtml } from '../synthetic-listing';
import { registerAllGuides } from '../../../utils/fandoms/all-guides';
import { minAndMedian, timeRepeated } from './timing';

/**
 * Where case 3's time goes (scripts/bench/profile-listing.ts): each stage of
 * the listing read timed apart on the live page, many times, minimum and
 * median reported.
 */
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  spoilers: { ...DEFAULT_SETTINGS.spoilers, progress: { 'Buffy the Vampire Slayer': { season: 4, episode: 9 } } },
  ratings: { ...DEFAULT_SETTINGS.ratings, max: 'teen' },
};

function stages(count: number, runs: number, templatesHtml: string) {
  buildSyntheticListing(document, count, undefined, templatesFromHtml(document, templatesHtml));
  const url = new URL(location.href);
  const blurbs = readBlurbs(document, url) ?? [];
  const copies = () => blurbs.map((b) => structuredClone(b));
  const enriched = blurbs.map((b) => enrichBlurb(structuredClone(b)));
  return {
    entries: blurbs.length,
    classifyPage: timeRepeated(() => classifyPage(document, url), runs),
    readBlurbs: timeRepeated(() => readBlurbs(document, url), runs),
    enrich: (() => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const fresh = copies();
        const start = performance.now();
        fresh.forEach(enrichBlurb);
        times.push(performance.now() - start);
      }
      return minAndMedian(times);
    })(),
    verdicts: timeRepeated(() => enriched.forEach((b) => verdict(b, SETTINGS)), runs),
    pairing: timeRepeated(() => listingEntries(document, url, 'otw', enriched), runs),
  };
}

/** The whole listing read + verdicts, `times` over, for a CPU profile. */
function judgeRepeatedly(times: number) {
  const url = new URL(location.href);
  for (let i = 0; i < times; i++) {
    const items = classifyPage(document, url).listing?.items ?? [];
    for (const item of items) verdict(item, SETTINGS);
  }
}

registerAllGuides();
Object.assign(globalThis, { ficshelfProfile: { stages, judgeRepeatedly } });
