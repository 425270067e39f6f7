import type { Story } from '@/utils/story';
import type { Settings } from '@/utils/settings';
import { updateSettings } from '@/utils/settings-store';
import { canRead, firstReadableIndex } from './navigation';
import { loadPosition, savePosition } from './position';
import { markContinue, takeContinue } from './session';
import { HOST_SELECTOR, mountReader, type MountedReader } from './mount';
import { MARK_MOUNTED, MARK_TOGGLE, markReader, markWhenPainted } from './perf-marks';

export interface ReaderControllerOptions {
  story: Story;
  settings: Settings;
  doc?: Document;
  /** Where the bundled fonts are; browser.runtime.getURL('/') in the extension. */
  fontBaseUrl?: string;
  /** Goes to another page (a chapter on the site). */
  navigate?(url: string): void;
  openSettings?(): void;
}

export interface ReaderController {
  isOpen(): boolean;
  /** True when reader mode is open afterwards. */
  open(): boolean;
  close(): void;
  toggle(): boolean;
  applySettings(settings: Settings): void;
  /** Opens by itself when the reader asked for it on this site, or came from the previous chapter in reader mode. */
  openIfWanted(): boolean;
}

/** Reader mode on one story page: opening, closing, and everything it writes back (settings, positions). */
export function createReaderController(options: ReaderControllerOptions): ReaderController {
  const doc = options.doc ?? document;
  const story = options.story;
  const host = doc.location?.hostname.toLowerCase() ?? '';
  let settings = options.settings;
  let mounted: MountedReader | null = null;

  const changeReader = (change: (reader: Settings['reader']) => Partial<Settings['reader']>) =>
    void updateSettings((current) => ({ ...current, reader: { ...current.reader, ...change(current.reader) } })).catch((error) =>
      console.warn('[FicShelf] could not save the reader settings', error),
    );

  // Reloading with the reader open brings it back, at the remembered place.
  const keepOnReload = () => {
    if (mounted) markContinue(story.id);
  };

  const controller: ReaderController = {
    isOpen: () => mounted !== null,
    open() {
      if (mounted) return true;
      if (!canRead(story)) return false;
      markReader(MARK_TOGGLE);
      try {
        mounted = mountReader(doc, {
          story,
          settings: settings.reader,
          initialChapter: firstReadableIndex(story),
          pageUrl: doc.location?.href ?? story.url,
          host,
          fontBaseUrl: options.fontBaseUrl ?? '/',
          loadPosition: (index) => loadPosition(story.id, index),
          savePosition: (index, fraction) => void savePosition(story.id, index, fraction),
          navigate: (target) => {
            markContinue(story.id);
            (options.navigate ?? ((url: string) => doc.location.assign(url)))(target.url);
          },
          onAlwaysOn: (on) =>
            changeReader((reader) => ({ alwaysOn: on ? [...reader.alwaysOn, host] : reader.alwaysOn.filter((h) => h !== host) })),
          onToggleNotes: (open) => changeReader(() => ({ showNotes: open })),
          onToggleDisclaimer: (open) => changeReader(() => ({ showDisclaimer: open })),
          onSettings: options.openSettings,
          onClosed: () => {
            mounted = null;
            doc.defaultView?.removeEventListener('pagehide', keepOnReload);
          },
        });
      } catch (error) {
        console.warn('[FicShelf] reader mode could not open', error);
        mounted = null;
      }
      if (mounted) {
        markReader(MARK_MOUNTED);
        markWhenPainted(doc, HOST_SELECTOR);
        doc.defaultView?.addEventListener('pagehide', keepOnReload);
      }
      return mounted !== null;
    },
    close() {
      const current = mounted;
      mounted = null;
      doc.defaultView?.removeEventListener('pagehide', keepOnReload);
      current?.close();
    },
    toggle() {
      if (mounted) {
        controller.close();
        return false;
      }
      return controller.open();
    },
    applySettings(next) {
      settings = next;
      mounted?.update(next.reader);
    },
    openIfWanted() {
      const continuing = takeContinue(story.id);
      if (continuing || settings.reader.alwaysOn.includes(host)) return controller.open();
      return false;
    },
  };
  return controller;
}
