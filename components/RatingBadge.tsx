import type { Rating } from '@/utils/story';
import { RATING_LABELS } from '@/utils/metadata/rating';

/** The rating on FicShelf's one scale; the word is always shown, colour only repeats it. */
export function RatingBadge({ rating }: { rating: Rating }) {
  const title = rating.raw ? `Rated ${rating.raw}${rating.reason ? ` ${rating.reason}` : ''}` : 'No rating given';
  return (
    <span class={`rating-badge rating-${rating.level}`} title={title} data-level={rating.level}>
      {RATING_LABELS[rating.level]}
      {rating.raw && rating.raw.toLowerCase() !== RATING_LABELS[rating.level].toLowerCase() ? ` · ${rating.raw}` : ''}
    </span>
  );
}
