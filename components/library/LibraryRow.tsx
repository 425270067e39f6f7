import type { SavedStory } from '@/utils/library/types';
import { RatingBadge } from '@/components/RatingBadge';
import { chapterFacts, isPartial, matchPlaces, readProgress, shortDate, STATUS_LABELS, updatedDate, wordCount } from './format';

export interface LibraryRowProps {
  story: SavedStory;
  selected: boolean;
  /** Where a search matched, when one is running. */
  where?: string[];
  shelves: string[];
  readerHref: string;
  busy?: string;
  /** The entry's heading sits one level below the library's own heading. */
  heading?: 'h2' | 'h3';
  onSelect(selected: boolean): void;
  onAddShelf(shelf: string): void;
  onRemoveShelf(shelf: string): void;
  onExport(kind: 'epub' | 'html'): void;
  onDelete(): void;
}

/** One saved story: what it is, how much is saved, how far it is read, and what can be done with it. */
export function LibraryRow({ story, selected, where, shelves, readerHref, busy, heading: Heading = 'h3', ...on }: LibraryRowProps) {
  const titleId = `story-title-${cssSafe(story.id)}`;
  const authors = story.authors.map((a) => a.name).join(', ') || 'Unknown author';
  const partial = isPartial(story);
  const onShelves = story.shelves ?? [];
  const addable = shelves.filter((s) => !onShelves.includes(s));
  const updated = updatedDate(story);

  return (
    <article
      class={`library-item${selected ? ' selected' : ''}`}
      data-ficshelf="library-item"
      data-story-id={story.id}
      data-partial={partial ? 'true' : 'false'}
      aria-labelledby={titleId}
    >
      <input
        type="checkbox"
        class="item-select"
        checked={selected}
        aria-label={`Select ${story.title || 'this story'}`}
        onChange={(event) => on.onSelect((event.currentTarget as HTMLInputElement).checked)}
      />
      <div class="item-body">
        <Heading class="item-title" id={titleId}>
          <a href={readerHref} data-action="open">
            {story.title || 'Untitled story'}
          </a>
          {partial && (
            <span class="partial-mark" data-field="partial" title="Some chapters could not be saved">
              Partial
            </span>
          )}
        </Heading>
        <p class="item-byline">
          <span data-field="author">by {authors}</span>
          {story.fandoms.length > 0 && <span data-field="fandom"> · {story.fandoms.join(', ')}</span>}
        </p>
        <p class="item-facts">
          <RatingBadge rating={story.rating} />
          <span data-field="words">{wordCount(story.words)}</span>
          <span data-field="chapters">{chapterFacts(story)}</span>
          <span data-field="status">{STATUS_LABELS[story.status] ?? STATUS_LABELS.unknown}</span>
          <span data-field="saved">Saved {shortDate(story.savedAt)}</span>
          {updated && <span data-field="updated">Updated {shortDate(updated)}</span>}
          <span data-field="progress">{readProgress(story)}</span>
        </p>
        <div class="item-shelves">
          {where && where.length > 0 && (
            <span class="match-place" data-field="match">
              {matchPlaces(where)}
            </span>
          )}
          {onShelves.map((shelf) => (
            <span class="shelf-chip" data-shelf={shelf}>
              {shelf}
              <button type="button" class="chip-remove" aria-label={`Remove from ${shelf}`} onClick={() => on.onRemoveShelf(shelf)}>
                ×
              </button>
            </span>
          ))}
          {addable.length > 0 && (
            <select
              class="shelf-add"
              aria-label={`Add ${story.title || 'this story'} to a shelf`}
              value=""
              onChange={(event) => {
                const select = event.currentTarget as HTMLSelectElement;
                if (select.value) on.onAddShelf(select.value);
                select.value = '';
              }}
            >
              <option value="">Add to shelf…</option>
              {addable.map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
          )}
        </div>
        <p class="item-actions">
          <a href={readerHref} class="action" data-action="read">
            Open
          </a>
          <button type="button" class="link-button" data-action="epub" disabled={!!busy} onClick={() => on.onExport('epub')}>
            Export EPUB
          </button>
          <button type="button" class="link-button" data-action="html" disabled={!!busy} onClick={() => on.onExport('html')}>
            Export HTML
          </button>
          {story.url && (
            <a href={story.url} class="action" data-action="site" target="_blank" rel="noopener noreferrer">
              Open on the site
            </a>
          )}
          <button type="button" class="link-button danger" data-action="delete" onClick={on.onDelete}>
            Delete
          </button>
          {busy && (
            <span class="item-busy" role="status">
              {busy}
            </span>
          )}
        </p>
      </div>
    </article>
  );
}

function cssSafe(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '_');
}
