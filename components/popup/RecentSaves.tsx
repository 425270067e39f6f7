import type { LibraryOverview } from '@/utils/messages';
import { formatDate } from './format';

type Recent = LibraryOverview['recent'][number];

/** The last stories saved, each opening in the offline reader; partial copies say so. */
export function RecentSaves({ stories, open }: { stories: Recent[]; open(path: string): void }) {
  if (stories.length === 0) return null;
  return (
    <section class="recent-saves" aria-labelledby="recent-title">
      <h2 id="recent-title" class="section-title">
        Recent saves
      </h2>
      <ul>
        {stories.map((story) => {
          const path = `/read.html?id=${encodeURIComponent(story.id)}`;
          return (
            <li key={story.id} data-story-id={story.id}>
              <a
                href={path}
                onClick={(event) => {
                  event.preventDefault();
                  open(path);
                }}
              >
                {story.title || 'Untitled story'}
              </a>
              <span class="recent-meta">
                {story.authors[0]?.name ? `${story.authors[0].name} · ` : ''}
                {formatDate(story.savedAt)}
                {!story.complete && ` · partial (${story.savedChapters}/${story.listedChapters})`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
