import { render } from 'preact';
import { installDomPurify } from '@/utils/dompurify';
import '@/components/theme.css';
import '@/components/library/library.css';
import { LibraryView } from '@/components/library/LibraryView';
import { registerAllGuides } from '@/utils/fandoms/all-guides';

// Extension pages show spoiler reasons and episode pickers: every guide, at once.
registerAllGuides();

// Story HTML (saved, or read from fetched pages) is sanitised where it is shown: this page brings DOMPurify.
installDomPurify();

/** library.html: the library alone, as the popup links to it. */
function LibraryPage() {
  return (
    <main class="library-page">
      <p class="library-page-brand">
        <span class="brand-name">FicShelf</span>
        <a href="options.html#reader">Settings</a>
      </p>
      <LibraryView headingLevel={1} />
    </main>
  );
}

render(<LibraryPage />, document.getElementById('app')!);
