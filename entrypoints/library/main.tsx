import { render } from 'preact';
import { installDomPurify } from '@/utils/dompurify';
import '@/components/theme.css';
import '@/components/library/library.css';
import { LibraryView } from '@/components/library/LibraryView';
import { pageUpdateDeps, type UpdateDeps } from '@/components/library/check-updates';

// Story HTML (saved, or read from fetched pages) is sanitised where it is shown: this page brings DOMPurify.
installDomPurify();

/**
 * The episode guides place spoiler marks on a story read from a fetched
 * page; showing the list needs none of them. Loaded when checking for
 * updates first fetches, they stay out of the page's first paint (about
 * 130 KB of script to evaluate).
 */
let guides: Promise<void> | null = null;
const loadGuides = () => (guides ??= import('@/utils/fandoms/all-guides').then((module) => module.registerAllGuides()));

const pageDeps = pageUpdateDeps();
const updateDeps: UpdateDeps = {
  ...pageDeps,
  fetch: async (url, init) => {
    await loadGuides();
    return pageDeps.fetch(url, init);
  },
};

/** library.html: the library alone, as the popup links to it. */
function LibraryPage() {
  return (
    <main class="library-page">
      <p class="library-page-brand">
        <span class="brand-name">FicShelf</span>
        <a href="options.html#reader">Settings</a>
      </p>
      <LibraryView headingLevel={1} updateDeps={updateDeps} />
    </main>
  );
}

render(<LibraryPage />, document.getElementById('app')!);
