import type { Story } from '../../utils/story';

/**
 * A deterministic library of synthetic stories: chapter text remixed from
 * real story paragraphs (so word frequencies and paragraph lengths are
 * those of fanfiction), sizes drawn from a long-tailed distribution around
 * the typical work. The same seed always gives the same library.
 */

export interface LibraryCorpus {
  /** Paragraphs of real chapter text. */
  paragraphs: string[];
  /** Fandom names seen on the fixtures. */
  fandoms: string[];
}

/** Mean story size: ~4,000 words is ~20 KB of text (measured on the fixtures' paragraphs), so 5,000 stories are ~100 MB. */
export const MEAN_WORDS = 4_000;
const SIGMA = 1.0;
const MAX_WORDS = 150_000;
const MIN_WORDS = 100;
const CHAPTER_WORDS = 3_000;

/** mulberry32: a small seeded PRNG, good enough to pick paragraphs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A log-normal story length in words with mean MEAN_WORDS (fanfiction lengths are long-tailed). */
export function storyWords(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const mu = Math.log(MEAN_WORDS) - (SIGMA * SIGMA) / 2;
  return Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, Math.exp(mu + SIGMA * normal))));
}

export function countWordsIn(text: string): number {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Paragraphs drawn at random until `words` words are reached. */
function paragraphsOf(corpus: LibraryCorpus, words: number, random: () => number): string[] {
  const chosen: string[] = [];
  let total = 0;
  while (total < words) {
    const paragraph = pick(corpus.paragraphs, random);
    chosen.push(paragraph);
    total += countWordsIn(paragraph);
  }
  return chosen;
}

/** Splits paragraphs into chapters of about CHAPTER_WORDS words. */
function chaptersOf(paragraphs: string[], storyId: string): Story['chapters'] {
  const chapters: Story['chapters'] = [];
  let current: string[] = [];
  let words = 0;
  const flush = () => {
    const index = chapters.length + 1;
    chapters.push({
      index,
      title: `Chapter ${index}`,
      url: `https://bench.example/${storyId}/${index}`,
      html: current.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      text: current.join('\n\n'),
      words,
    });
    current = [];
    words = 0;
  };
  for (const paragraph of paragraphs) {
    current.push(paragraph);
    words += countWordsIn(paragraph);
    if (words >= CHAPTER_WORDS) flush();
  }
  if (current.length > 0) flush();
  return chapters;
}

/** A title of 2–4 words taken from the corpus, capitalised. */
function titleOf(corpus: LibraryCorpus, random: () => number): string {
  const words = pick(corpus.paragraphs, random).match(/[A-Za-z]{4,}/g) ?? ['Untitled'];
  const length = 2 + Math.floor(random() * 3);
  const start = Math.floor(random() * Math.max(1, words.length - length));
  return words
    .slice(start, start + length)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

const RATINGS: Story['rating'][] = [
  { raw: 'General Audiences', level: 'general' },
  { raw: 'Teen And Up Audiences', level: 'teen' },
  { raw: 'Mature', level: 'mature' },
  { raw: 'Explicit', level: 'explicit' },
  { raw: 'Not Rated', level: 'unrated' },
];

/** Story number `index` of the library; `words` overrides the drawn length. */
export function syntheticStory(corpus: LibraryCorpus, index: number, seed = 1, words?: number): Story {
  const random = seededRandom(seed * 100_003 + index);
  const length = words ?? storyWords(random);
  const id = `bench:${index}`;
  const chapters = chaptersOf(paragraphsOf(corpus, length, random), id);
  const total = chapters.reduce((sum, chapter) => sum + chapter.words, 0);
  return {
    id,
    site: 'otw',
    url: `https://bench.example/works/${index}`,
    title: titleOf(corpus, random),
    authors: [{ name: `author${Math.floor(random() * 800)}` }],
    fandoms: corpus.fandoms.length > 0 ? [pick(corpus.fandoms, random)] : [],
    rating: pick(RATINGS, random),
    warnings: [],
    categories: [],
    relationships: [],
    characters: [],
    tags: [],
    spoilers: [],
    summary: pick(corpus.paragraphs, random).slice(0, 300),
    notes: [],
    language: 'English',
    status: random() < 0.6 ? 'complete' : 'in-progress',
    words: total,
    chapterCount: { posted: chapters.length },
    published: '2020-01-01',
    chapters,
  };
}

/** Paragraphs of a chapter's plain text (blank-line separated), without the very short ones. */
export function paragraphsFromText(text: string, minLength = 40): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length >= minLength);
}

/**
 * A word for the full-text search: in about `share` of the paragraphs (so
 * it hits many stories but not all), at least 6 letters. Titles are drawn
 * from the same text, so a few may hold it too; the bench reports hits.
 */
export function textOnlyWord(corpus: LibraryCorpus, share: number): string {
  const counts = new Map<string, number>();
  for (const paragraph of corpus.paragraphs) {
    for (const word of new Set(paragraph.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const want = share * corpus.paragraphs.length;
  let best = '';
  let bestDistance = Infinity;
  for (const [word, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    const distance = Math.abs(n - want);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  if (!best) throw new Error('the corpus has no words');
  return best;
}
