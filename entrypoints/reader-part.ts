import { registerPart } from './page.content/parts/registry';
import { startReader } from './page.content/features/reader-mode';
import { installDomPurify } from '@/utils/dompurify';

/** Reader mode's UI (Preact, the reader components and styles), run in a story page when the reader first opens it. */
export default defineUnlistedScript(() => {
  // The reader shows story HTML: it brings the sanitiser the content script leaves out.
  installDomPurify();
  registerPart('reader', { startReader });
});
