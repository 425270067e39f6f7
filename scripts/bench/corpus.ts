import { ROOT, loadPage } from '../../tests/helpers/fixtures';
import { classifyPage } from '../../utils/sites';
import { storyPages } from './pages';
import { paragraphsFromText, type LibraryCorpus } from './synthetic-library';

/**
 * The text the synthetic library is remixed from: every paragraph of every
 * story fixture's chapters, read by FicShelf's own adapters in Node, and the
 * fandoms those stories name.
 */
export function buildCorpus(): LibraryCorpus {
  void ROOT;
  const paragraphs: string[] = [];
  const fandoms = new Set<string>();
  for (const page of storyPages()) {
    const result = classifyPage(loadPage(page.fixture, page.url), page.url);
    for (const fandom of result.story?.fandoms ?? []) fandoms.add(fandom);
    for (const chapter of result.story?.chapters ?? []) paragraphs.push(...paragraphsFromText(chapter.text));
  }
  if (paragraphs.length === 0) throw new Error('no story text in the fixtures: is ../shared (FICSHELF_SHARED) there?');
  return { paragraphs, fandoms: [...fandoms].sort() };
}
