import type { LibraryState, SaveControl } from '@/utils/messages';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the library holds of this page, when it needs the reader: chapters to add or a save to finish. Null when nothing to say. */
export function noticeFor(state: LibraryState): { text: string; action: SaveControl; label: string } | null {
  const saved = state.saved;
  if (!saved) return null;
  if (state.newChapters > 0) return { text: `${plural(state.newChapters, 'new chapter')} since you saved this story.`, action: 'update', label: 'Update' };
  if (!saved.complete) return { text: `Saved ${saved.savedChapters} of ${plural(saved.listedChapters, 'chapter')}.`, action: 'resume', label: 'Resume' };
  return null;
}
