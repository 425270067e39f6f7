import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ReaderSettings } from '@/utils/settings';
import { useSettings } from '@/components/options/useSettings';
import { LibrarySection } from '@/components/options/LibrarySection';
import { ReaderSection } from '@/components/options/ReaderSection';
import { SitesSection } from '@/components/options/SitesSection';
import { SpoilersSection } from '@/components/options/SpoilersSection';
import { usePrefersDark } from '@/components/options/ReaderPreview';

/** The page's sections, in nav order. */
export const SECTIONS = [
  { id: 'library', label: 'Library' },
  { id: 'reader', label: 'Reader mode' },
  { id: 'spoilers', label: 'Spoilers & ratings' },
  { id: 'sites', label: 'Sites' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** "#reader" → "reader"; anything unknown shows the first section, the library. */
export function sectionFromHash(hash: string): SectionId {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  return SECTIONS.find((s) => s.id === id)?.id ?? SECTIONS[0].id;
}

/** The section in the address bar, so a link (or a reload) opens the same section. */
function useSection(): SectionId {
  const [section, setSection] = useState(() => sectionFromHash(location.hash));
  useEffect(() => {
    const onHash = () => {
      const next = sectionFromHash(location.hash);
      setSection(next);
      // Keyboard and screen-reader users land on the section they chose, not back at the nav.
      requestAnimationFrame(() => document.getElementById(`${next}-heading`)?.focus());
    };
    addEventListener('hashchange', onHash);
    // The address may have changed between the first render and this effect.
    setSection(sectionFromHash(location.hash));
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return section;
}

export function OptionsApp() {
  const section = useSection();
  const { settings, update, savedCount, saveError } = useSettings();
  const prefersDark = usePrefersDark();
  const onReaderChange = (change: (current: ReaderSettings) => ReaderSettings) => update('reader', change);

  return (
    <div class="options-app" data-section={section} data-loaded={settings ? 'true' : 'false'}>
      <header class="options-header">
        <div class="brand">
          <span class="brand-name">FicShelf</span>
          <h1>Settings</h1>
        </div>
        {saveError ? (
          <p class="save-note problem" role="alert">
            Your last change could not be saved: {saveError}
          </p>
        ) : (
          <p class="save-note" role="status" data-saved={savedCount > 0 ? 'true' : 'false'}>
            {savedCount > 0 ? 'Saved. Open story tabs already show the change.' : 'Changes are saved as you make them.'}
          </p>
        )}
      </header>
      <div class="options-body">
        <nav class="options-nav" aria-label="Settings sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={section === s.id ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options-main">
          <Current section={section} loaded={settings !== null}>
            {section === 'library' && <LibrarySection />}
            {section === 'reader' && settings && <ReaderSection reader={settings.reader} prefersDark={prefersDark} onChange={onReaderChange} />}
            {section === 'spoilers' && settings && <SpoilersSection settings={settings} update={update} />}
            {section === 'sites' && <SitesSection />}
          </Current>
        </main>
      </div>
    </div>
  );
}

/** Sections that need the stored settings wait for them, saying so, instead of showing defaults that are not the reader's. */
function Current({ section, loaded, children }: { section: SectionId; loaded: boolean; children: ComponentChildren }) {
  const needsSettings = section === 'reader' || section === 'spoilers';
  if (needsSettings && !loaded)
    return (
      <p class="empty-state" role="status">
        Loading your settings…
      </p>
    );
  return <>{children}</>;
}
