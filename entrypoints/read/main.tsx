import { render } from 'preact';
import { installDomPurify } from '@/utils/dompurify';
import readerComponentCss from '@/components/reader/reader.css?inline';
import offlineCss from '@/components/library/offline-reader.css?inline';
import { OfflineReader } from '@/components/library/OfflineReader';
import { readerAddress } from '@/components/library/offline-story';
import { fontFaceCss } from '@/utils/reader/css';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings-store';
import type { Settings } from '@/utils/settings';
import { loadPosition, savePosition } from '@/entrypoints/page.content/reader/position';
import { registerAllGuides } from '@/utils/fandoms/all-guides';

// Extension pages show spoiler reasons and episode pickers: every guide, at once.
registerAllGuides();

// Story HTML (saved, or read from fetched pages) is sanitised where it is shown: this page brings DOMPurify.
installDomPurify();

/**
 * read.html?id=<story id>[&chapter=<n>]: a saved story, offline. Everything
 * comes from IndexedDB and the extension's own files; settings follow changes
 * made anywhere (options page, reader mode) while the page is open.
 */
const params = new URLSearchParams(location.search);
const storyId = params.get('id');
const asked = Number(params.get('chapter'));
const componentCss = `${readerComponentCss}\n${offlineCss}`;
const darkQuery = matchMedia('(prefers-color-scheme: dark)');

const host = document.getElementById('reader-host')!;
host.dataset.ficshelf = 'reader';
const root = host.attachShadow({ mode: 'open' });

// Chrome ignores @font-face inside a shadow root: OpenDyslexic is declared on the page.
const fonts = document.createElement('style');
fonts.textContent = fontFaceCss(browser.runtime.getURL('/'));
document.head.append(fonts);

let settings: Settings | null = null;

const allow = async (id: string) => {
  await updateSettings((s) => ({ ...s, spoilers: { ...s.spoilers, allowStories: [...new Set([...s.spoilers.allowStories, id])] } }));
};
const remember = (key: 'showNotes' | 'showDisclaimer') => (open: boolean) =>
  void updateSettings((s) => ({ ...s, reader: { ...s.reader, [key]: open } }));

function paint(): void {
  if (!settings) return;
  render(
    <OfflineReader
      storyId={storyId}
      askedChapter={Number.isInteger(asked) && asked > 0 ? asked : null}
      settings={settings}
      prefersDark={darkQuery.matches}
      componentCss={componentCss}
      loadPosition={loadPosition}
      savePosition={(id, chapter, fraction) => void savePosition(id, chapter, fraction)}
      onAlwaysShow={allow}
      onToggleNotes={remember('showNotes')}
      onToggleDisclaimer={remember('showDisclaimer')}
      onChapter={(index) => storyId && history.replaceState(null, '', readerAddress(storyId, index))}
    />,
    root,
  );
}

function setTitle(): void {
  const title = root.querySelector('.fs-title')?.textContent?.trim();
  if (title) document.title = `${title} — FicShelf`;
}

void loadSettings().then((loaded) => {
  settings = loaded;
  paint();
  new MutationObserver(setTitle).observe(root, { childList: true, subtree: true });
});
watchSettings((next) => {
  settings = next;
  paint();
});
darkQuery.addEventListener('change', paint);
