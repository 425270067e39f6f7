import { registerPart } from './page.content/parts/registry';
import { startPageSave } from './page.content/features/save-story';
import { installDomPurify } from '@/utils/dompurify';

/** Saving (fetch plan, fetcher, save panel; the adapters come from the content script), run in a story page when the reader saves or the library has news for it. */
export default defineUnlistedScript(() => {
  // Saving sends story HTML to the library: it brings the sanitiser the content script leaves out.
  installDomPurify();
  registerPart('save', { startPageSave });
});
