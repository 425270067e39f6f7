import { awaitsGuides, spoilerMarks } from '@/utils/metadata/spoilers';
import type { PageResult } from '@/utils/story';
import { loadPart } from './parts/registry';

/**
 * A page read without episode guides (the content script carries fandom
 * names only) whose story or entries name a fandom with a guide: load the
 * guides part, then read the spoiler marks again, before the filters judge
 * the page (the early hiding covers the wait). If the part cannot load, the
 * page keeps the marks read without guides, which place nothing on an
 * episode: the spoiler filter cannot judge it, the other filters still do.
 * Never throws.
 */
export async function withEpisodeGuides(page: PageResult): Promise<PageResult> {
  const items = page.story ? [page.story] : (page.listing?.items ?? []);
  if (!items.some((item) => awaitsGuides(item.fandoms))) return page;
  try {
    await loadPart('guides');
    for (const item of items) item.spoilers = spoilerMarks(item);
  } catch (error) {
    console.warn('[FicShelf] episode guides could not load; spoilers on this page are not judged', error);
  }
  return page;
}
