// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { indexChapters } from '@/utils/sites/efiction-chapters';
import { htmlDocument } from '../helpers/fixtures';

const STORY = 'https://archive.example.org/viewstory.php?sid=5';

describe('efiction story index', () => {
  it('gives each chapter the notes up to the next entry, even when that entry sits inside a later sibling', () => {
    const doc = htmlDocument(
      `<body>
        <p>1. <a href="viewstory.php?sid=5&amp;chapter=1">First</a> by A<br>note one</p>
        <div class="extra">more for one</div>
        <div class="wrap"><p>2. <a href="viewstory.php?sid=5&amp;chapter=2">Second</a><br>note two</p></div>
        <div>after two</div>
        <p>3. <a href="viewstory.php?sid=5&amp;chapter=3">Third</a></p>
      </body>`,
      STORY,
    );
    const chapters = indexChapters(doc, '5', STORY);
    expect(chapters.map((c) => [c.index, c.title, c.notes?.map((n) => n.text)])).toEqual([
      [1, 'First', ['note one\nmore for one']],
      [2, 'Second', ['note two']],
      [3, 'Third', undefined],
    ]);
  });

  it('reads the chapter parameter as a URL does: percent-encoded names count, other stories and other cases do not', () => {
    const doc = htmlDocument(
      `<body>
        <p><a href="viewstory.php?sid=5&amp;ch%61pter=4">Encoded</a></p>
        <p><a href="viewstory.php?sid=5&amp;Chapter=5">Capital</a></p>
        <p><a href="viewstory.php?sid=6&amp;chapter=6">Other story</a></p>
        <p><a href="viewstory.php?sid=5">Index</a></p>
        <p><a href="viewstory.php?action=printable&amp;sid=5&amp;chapter=7">Print</a></p>
      </body>`,
      STORY,
    );
    expect(indexChapters(doc, '5', STORY).map((c) => [c.index, c.title])).toEqual([[4, 'Encoded']]);
  });
});
