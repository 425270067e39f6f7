import { registerPart } from './page.content/parts/registry';
import { generic } from '@/utils/sites/generic';

/** The generic fallback (Readability), run only on a page of a site the reader enabled that no known family claims and that may be an article. */
export default defineUnlistedScript(() => {
  registerPart('generic', { generic });
});
