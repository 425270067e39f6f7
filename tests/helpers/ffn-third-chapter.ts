import { readFileSync } from 'node:fs';
import { fixturePath } from './fixtures';

const read = (name: string) => readFileSync(fixturePath(name), 'utf8');

/**
 * HAND-MADE: the pages of FFN story 5853866 ("Counting") after the author
 * posted a third chapter, "Stones Again": chapter 1's page now lists three
 * chapters, and chapter 3's page (chapter 2's, re-labelled) holds `thirdHtml`.
 */
export function ffnWithThirdChapter(thirdHtml: string): { ch1: string; ch3: string } {
  const third = '<option value=3>3. Stones Again</select>';
  const ch1 = read('ffn/chapter-counting-ch1-modern.html')
    .replaceAll('<option value=2>2. The Flower</select>', `<option value=2>2. The Flower${third}`)
    .replace('Chapters: 2', 'Chapters: 3');
  const ch3 = read('ffn/chapter-counting-ch2-modern.html')
    .replaceAll('<option value=2 selected>2. The Flower</select>', '<option value=2>2. The Flower<option value=3 selected>3. Stones Again</select>')
    .replace('Chapters: 2', 'Chapters: 3')
    .replace(/(<div class='storytext xcontrast_txt nocopy' id='storytext'>)[\s\S]*?(<\/div>)/, (_, open: string, close: string) => `${open}${thirdHtml}${close}`);
  return { ch1, ch3 };
}
