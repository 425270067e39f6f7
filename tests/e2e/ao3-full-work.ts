import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { fixturePath } from '../helpers/fixtures';

export const AO3_DRAGON_AGE_WORK = 'https://archiveofourown.org/works/17793689';
/** The address the save plan asks for (fetch-plan.ts: full work, adult content confirmed). */
export const AO3_DRAGON_AGE_FULL = 'https://archiveofourown.org/works/17793689?view_full_work=true&view_adult=true';

const read = (name: string) => readFileSync(fixturePath(name), 'utf8');

/**
 * HAND-MADE: AO3's full-work view of work 17793689, built from the saved
 * work page (chapter 1) and chapter 2's page; chapters 3–14 are not among
 * the fixtures, so each gets a short stand-in paragraph under its real title.
 * Shared by the browser tests that save this work (save, firefox).
 */
export function handMadeAo3FullWork(): string {
  const dom = new JSDOM(read('ao3/work-17793689-dragonage-ch1-index.html'));
  const doc = dom.window.document;
  const chapterTwo = new JSDOM(read('ao3/chapter-17793689-ch2.html')).window.document.querySelector('#chapters > .chapter')!;
  const container = doc.getElementById('chapters')!;
  container.appendChild(doc.importNode(chapterTwo, true));
  const options = Array.from(doc.querySelectorAll('#selected_id option'));
  for (const [i, option] of options.entries()) {
    const index = i + 1;
    if (index <= 2) continue;
    const block = doc.importNode(chapterTwo, true) as Element;
    block.id = `chapter-${index}`;
    const heading = block.querySelector('h3.title')!;
    const title = (option.textContent ?? '').replace(/^\d+\.\s*/, '');
    heading.innerHTML = `<a href="/works/17793689/chapters/${option.getAttribute('value')}">Chapter ${index}</a>: ${title}`;
    block.querySelector('#summary')?.remove();
    block.querySelectorAll('.notes').forEach((n) => n.remove());
    const text = block.querySelector('.userstuff[role="article"]')!;
    text.innerHTML = `<h3 class="landmark heading" id="work">Chapter Text</h3><p>Hand-made stand-in for chapter ${index}, ${title}.</p>`;
    container.appendChild(block);
  }
  return `<!-- HAND-MADE for the e2e tests: full-work view assembled from two chapter fixtures -->\n${dom.serialize()}`;
}
