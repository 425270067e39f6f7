import type { Story } from '@/utils/story';

/**
 * An original passage written for the settings preview: a few paragraphs,
 * dialogue, italics and one scene break, so every reader setting shows.
 * Kept already clean (what reader mode's clean-up produces) so the preview
 * needs no parsing.
 */
const SAMPLE_HTML = [
  '<p>The lamps along Wick Lane were lit in the same order every evening, and Marguerite had kept the ledger of them for eleven years: the time, the weather, and whether the glass on number nine had cracked again.</p>',
  '<p>Tonight the entry would not sit still. She wrote <em>fog, light</em>, crossed it out, and wrote it again, because the baker’s boy had stopped under the ninth lamp and was reading something by its flame as if the words might run off the page.</p>',
  '<p>“You’ll ruin your eyes,” she called down.</p>',
  '<p>“It’s a letter,” he said, which was not an answer, and then, quieter, “from my sister. She says the sea is <em>enormous</em>.”</p>',
  '<hr class="fs-scene-break">',
  '<p>By morning the fog had lifted. Number nine’s glass was whole, and in the margin of the ledger, in a hand that was not hers, someone had added one careful line: <em>lit early, stayed bright.</em></p>',
].join('\n');

const SAMPLE_TEXT = SAMPLE_HTML.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const SAMPLE_WORDS = SAMPLE_TEXT.split(' ').length;

export const SAMPLE_STORY: Story = {
  id: 'sample:wick-lane',
  site: 'sample',
  url: 'about:blank',
  title: 'The Ledger of Wick Lane',
  authors: [{ name: 'A FicShelf sample' }],
  fandoms: ['Original Work'],
  rating: { raw: 'General Audiences', level: 'general' },
  warnings: [],
  categories: [],
  relationships: [],
  characters: ['Marguerite'],
  tags: ['Fluff', 'Lamplighters'],
  spoilers: [],
  summary: 'A lamplighter keeps a ledger. One evening, someone else writes in it.',
  notes: [{ position: 'before', text: 'Written for this preview: change a setting and watch it here.', html: '<p>Written for this preview: change a setting and watch it here.</p>' }],
  status: 'complete',
  words: SAMPLE_WORDS,
  chapterCount: { posted: 1, planned: 1 },
  chapters: [{ index: 1, title: 'Number Nine', html: SAMPLE_HTML, text: SAMPLE_TEXT, words: SAMPLE_WORDS }],
};
