import { registerPart } from './page.content/parts/registry';
import { ALL_GUIDES } from '@/utils/fandoms/all-guides';
import { registerGuides } from '@/utils/fandoms/guides';

/** Episode guides and canon hints, run in a story or listing page only when its fandoms have a guide. */
export default defineUnlistedScript(() => {
  registerGuides(ALL_GUIDES);
  registerPart('guides', { fandoms: ALL_GUIDES.map((g) => g.fandom) });
});
