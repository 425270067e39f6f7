import { registerPart } from './page.content/parts/registry';
import { spoilerShield } from './page.content/features/spoiler-shield';
import { listingFilter } from './page.content/features/listing-filter';

/** The shield and listing placeholders (Preact and their components), run in a page only when its verdict hides something. */
export default defineUnlistedScript(() => {
  registerPart('shield', { spoilerShield, listingFilter });
});
