import type { SaveControl } from '@/utils/messages';
import { LibraryStatus } from './LibraryStatus';
import { RecentSaves } from './RecentSaves';
import { StorageUsed } from './StorageUsed';
import { useLibraryOverview } from './useLibraryOverview';

/** Opens an extension page in a new tab (the popup closes when it loses focus anyway). */
function openPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });
}

/**
 * The popup's library part: the story in the tab (save, progress, update,
 * resume), recent saves, storage used, and the way to the library.
 * `storyPage`: the tab shows a story FicShelf can save.
 */
export function LibraryPart({ tabId, storyPage }: { tabId?: number; storyPage: boolean }) {
  const { overview, error, watch } = useLibraryOverview(tabId);

  const control = async (action: SaveControl) => {
    if (tabId === undefined) return;
    await browser.tabs.sendMessage(tabId, { type: 'ficshelf:save-control', action }).catch(() => undefined);
    void watch(action !== 'cancel');
  };

  return (
    <div class="library-part">
      {storyPage && overview && <LibraryStatus state={overview.page} progress={overview.progress} onControl={(a) => void control(a)} />}
      {error && (
        <p class="error" role="alert">
          The library could not be read: {error}
        </p>
      )}
      {overview && <RecentSaves stories={overview.recent} open={openPage} />}
      <footer class="library-footer">
        {overview && <StorageUsed stats={overview.stats} />}
        <button type="button" class="secondary" data-action="open-library" onClick={() => openPage('/library.html')}>
          Open library
        </button>
      </footer>
    </div>
  );
}
