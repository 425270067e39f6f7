import { OTHER_KNOWN_STORY_SITES } from '@/utils/known-sites';
import { ADAPTERS } from '@/utils/sites';
import { detectAndReport } from './detect';

/**
 * The page script with every family (and the generic fallback where the
 * reader enabled a site): the known sites other than the OTW archives, and
 * every site the background registers it on (background/site-scripts.ts).
 */
export default defineContentScript({
  matches: [...OTHER_KNOWN_STORY_SITES],
  runAt: 'document_end',
  main() {
    void detectAndReport(ADAPTERS);
  },
});
