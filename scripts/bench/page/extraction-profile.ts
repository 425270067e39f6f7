import { ADAPTERS, enrichStory } from '../../../utils/sites';
import { registerAllGuides } from '../../../utils/fandoms/all-guides';
import { installDomPurify } from '../../../utils/dompurify';
import { timeRepeated } from './timing';

// Enrichment is timed on a structured clone, which reads (and so sanitises) the chapter html.
installDomPurify();

/**
 * Where cases 1 and 2 spend their time on one page (scripts/bench/profile-extraction.ts):
 * each adapter's detect, the claiming adapter's extract and enrichment, timed
 * apart on the live page many times (minimum and median).
 */

/** Per call, in ms: each adapter's detect up to the one that claims the page, its extract, and enrichment of what it read. */
function stages(runs: number) {
  const url = new URL(location.href);
  const out: Record<string, unknown> = {};
  let claimed: (typeof ADAPTERS)[number] | null = null;
  // performance.now() steps by 0.1 ms: each sample is the mean of a batch of calls.
  for (const adapter of ADAPTERS) {
    if (!adapter.matches(url)) continue;
    const detected = adapter.detect(document, url);
    out[`detect ${adapter.id}`] = { ...timeRepeated(() => adapter.detect(document, url), runs, 20), detected };
    if (detected) {
      claimed = adapter;
      break;
    }
  }
  if (claimed) {
    const story = claimed.extract(document, url);
    out[`extract ${claimed.id}`] = timeRepeated(() => claimed!.extract(document, url), runs, 5);
    if (story) out.enrich = timeRepeated(() => enrichStory(structuredClone(story)), runs, 5);
  }
  return out;
}

/** Detection (every adapter up to the one that claims the page), the claiming adapter's extract, or enrichment of what it read, repeated, for a CPU profile. */
function readRepeatedly(times: number, part: 'detect' | 'extract' | 'enrich') {
  const url = new URL(location.href);
  const claimed = ADAPTERS.find((a) => a.matches(url) && a.detect(document, url));
  const story = part === 'enrich' ? claimed?.extract(document, url) : null;
  for (let i = 0; i < times; i++) {
    if (part === 'extract') claimed?.extract(document, url);
    else if (part === 'enrich') {
      if (story) enrichStory(structuredClone(story));
    } else ADAPTERS.find((a) => a.matches(url) && a.detect(document, url));
  }
}

registerAllGuides();

Object.assign(globalThis, { ficshelfProfile: { stages, readRepeatedly } });
