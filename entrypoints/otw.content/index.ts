import { OTW_STORY_SITES } from '@/utils/known-sites';
import { detectAndReport } from '../page.content/detect';
import { OTW_ADAPTERS } from './adapters';

/**
 * The page script on the OTW archives (AO3 and its sister installs). It runs
 * the page script's detection, features and parts, but carries only the OTW
 * adapter: the code injected on every AO3 page stays small (docs/performance.md,
 * case 4). Nothing it imports may reach utils/sites/index.ts.
 */
export default defineContentScript({
  matches: [...OTW_STORY_SITES],
  runAt: 'document_end',
  main() {
    void detectAndReport(OTW_ADAPTERS);
  },
});
