import '@/components/library/library.css';
import { LibraryView } from '@/components/library/LibraryView';

/** The options page's first section: the whole library view. */
export function LibrarySection() {
  return (
    <section id="library" class="options-section library-section" aria-labelledby="library-heading">
      <LibraryView headingLevel={2} />
    </section>
  );
}
