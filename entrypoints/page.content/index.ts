import { KNOWN_STORY_SITES } from '@/utils/known-sites';
import { detectAndReport } from './detect';

export default defineContentScript({
  matches: [...KNOWN_STORY_SITES],
  runAt: 'document_end',
  main() {
    void detectAndReport();
  },
});
