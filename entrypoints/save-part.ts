import { registerPart } from './page.content/parts/registry';
import { startPageSave } from './page.content/features/save-story';

/** Saving (fetch plan, fetcher, save panel; the adapters come from the content script), run in a story page when the reader saves or the library has news for it. */
export default defineUnlistedScript(() => {
  registerPart('save', { startPageSave });
});
