/** The library is a later issue; until then the first section says so plainly and offers nothing that does not work. */
export function LibrarySection() {
  return (
    <section id="library" class="options-section library-section" aria-labelledby="library-heading">
      <h2 id="library-heading" tabIndex={-1}>Library</h2>
      <div class="empty-state big" data-empty="library">
        <p class="empty-title">Your library is empty for now.</p>
        <p>Saving stories to read offline is coming; your library will appear here.</p>
      </div>
    </section>
  );
}
