import type { Story } from '@/utils/story';
import { siteName } from '@/utils/site-names';
import { RatingBadge } from './RatingBadge';

const STATUS_LABELS = { complete: 'Complete', 'in-progress': 'In progress', unknown: 'Status unknown' } as const;

export function formatCount(n: number | undefined): string {
  return n === undefined ? '' : n.toLocaleString('en-US');
}

/** The header facts a reader decides by: who, what fandom, how long, how finished. */
export function StoryCard({ story }: { story: Story }) {
  const chapters = story.chapterCount;
  const authors = story.authors.map((a) => a.name).join(', ');
  return (
    <article class="story-card" aria-labelledby="story-title">
      <h1 id="story-title" class="story-title">{story.title || 'Untitled story'}</h1>
      {authors && <p class="story-authors">by {authors}</p>}
      {story.fandoms.length > 0 && <p class="story-fandoms">{story.fandoms.join(' · ')}</p>}
      {story.relationships.length > 0 && <p class="story-pairings">{story.relationships.slice(0, 3).join(' · ')}</p>}
      <dl class="story-facts">
        <div>
          <dt>Rating</dt>
          <dd>
            <RatingBadge rating={story.rating} />
          </dd>
        </div>
        {story.words !== undefined && (
          <div>
            <dt>Words</dt>
            <dd data-field="words">{formatCount(story.words)}</dd>
          </div>
        )}
        <div>
          <dt>Chapters</dt>
          <dd data-field="chapters">
            {chapters.posted}/{chapters.planned ?? '?'}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-field="status">{STATUS_LABELS[story.status]}</dd>
        </div>
        <div>
          <dt>Site</dt>
          <dd data-field="site">{siteName(story.site)}</dd>
        </div>
      </dl>
    </article>
  );
}
