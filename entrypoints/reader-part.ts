import { registerPart } from './page.content/parts/registry';
import { startReader } from './page.content/features/reader-mode';

/** Reader mode's UI (Preact, the reader components and styles), run in a story page when the reader first opens it. */
export default defineUnlistedScript(() => {
  registerPart('reader', { startReader });
});
