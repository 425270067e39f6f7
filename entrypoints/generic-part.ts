import { registerPart } from './page.content/parts/registry';
import { generic } from '@/utils/sites/generic';
import { installDomPurify } from '@/utils/dompurify';

/** The generic fallback (Readability), run only on a page of a site the reader enabled that no known family claims and that may be an article. */
export default defineUnlistedScript(() => {
  // Readability's article is sanitised as it is read (generic.ts), so this part brings the sanitiser page.js leaves out.
  installDomPurify();
  registerPart('generic', { generic });
});
