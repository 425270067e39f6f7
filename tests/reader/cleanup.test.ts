// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanChapterHtml, isSceneBreakText } from '../../utils/reader/cleanup';
import { blockText, countWords } from '../../utils/metadata/text';
import { sanitizeElement } from '../../utils/sanitize';
import { SHARED, loadPage } from '../helpers/fixtures';

const clean = (html: string) => cleanChapterHtml(html, document);
const BREAK = '<hr class="fs-scene-break">';

/** The cleaned HTML as an element, for structural assertions. */
function cleaned(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.innerHTML = clean(html);
  return div;
}

const wordsOf = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return countWords(blockText(div));
};

describe('typed emphasis', () => {
  it('turns *asterisks* into italics', () => {
    expect(clean('<p>He was *very* tired.</p>')).toBe('<p>He was <em>very</em> tired.</p>');
  });

  it('turns _underscores_ into italics', () => {
    expect(clean('<p>She had _never_ seen it.</p>')).toBe('<p>She had <em>never</em> seen it.</p>');
  });

  it('turns **double asterisks** into bold', () => {
    expect(clean('<p>It was **not** fine.</p>')).toBe('<p>It was <strong>not</strong> fine.</p>');
  });

  it('italicises whole thoughts with punctuation inside and around them', () => {
    expect(clean('<p>*What was that?* he wondered. "*Now*," she said.</p>')).toBe(
      '<p><em>What was that?</em> he wondered. "<em>Now</em>," she said.</p>',
    );
  });

  it('handles several spans in one paragraph without joining them', () => {
    expect(clean('<p>*One* and *two* and _three_.</p>')).toBe('<p><em>One</em> and <em>two</em> and <em>three</em>.</p>');
  });

  it('keeps the emphasis inside a paragraph that also has real markup', () => {
    expect(clean('<p><strong>Bold</strong> then *typed*.</p>')).toBe('<p><strong>Bold</strong> then <em>typed</em>.</p>');
  });

  it('leaves arithmetic alone: 5*3*2', () => {
    expect(clean('<p>He knew 5*3*2 was thirty.</p>')).toBe('<p>He knew 5*3*2 was thirty.</p>');
  });

  it('leaves snake_case_name and __dunder__ alone', () => {
    expect(clean('<p>The file was snake_case_name.txt and __init__ too.</p>')).toBe(
      '<p>The file was snake_case_name.txt and __init__ too.</p>',
    );
  });

  it('does not italicise across paragraphs', () => {
    expect(clean('<p>A *cross</p><p>paragraph* thing</p>')).toBe('<p>A *cross</p><p>paragraph* thing</p>');
  });

  it('does not italicise across a blank line in plain text', () => {
    expect(clean('<pre>x</pre><div>one *two\n\nthree* four</div>')).not.toContain('<em>');
  });

  it('does not treat footnote stars or spaced asterisks as emphasis', () => {
    expect(clean('<p>It was hers* and then * nothing * more.</p>')).toBe('<p>It was hers* and then * nothing * more.</p>');
    expect(clean('<p>Rated 4* out of 5*.</p>')).toBe('<p>Rated 4* out of 5*.</p>');
  });

  it('does not italicise symbols alone', () => {
    expect(clean('<p>He shrugged *~* and left.</p>')).not.toContain('<em>');
  });

  it('keeps stars literal inside code and preformatted text', () => {
    expect(clean('<pre>*literal*</pre>')).toBe('<pre>*literal*</pre>');
    expect(clean('<p>Type <code>*.txt*</code> there.</p>')).toBe('<p>Type <code>*.txt*</code> there.</p>');
  });

  it('does not nest italics when the marks sit inside italics already (FFN habit)', () => {
    expect(clean('<p><em>*viciously*</em> "Harry Potter."</p>')).toBe('<p><em>viciously</em> "Harry Potter."</p>');
  });

  it('treats an escaped star as literal', () => {
    expect(clean('<p>a \\*not\\* b</p>')).not.toContain('<em>');
  });
});

describe('scene breaks', () => {
  const forms = ['* * *', '***', '*****', '* * * * *', '~~~~~', '~*~*~', '-----', '— — —', '=====', '#', '# # #', '+++', 'o0o', 'xXx', 'oOo', '-o0o-', '~xXx~', '0o0o0', '•••', '⁂', '§'];

  for (const form of forms) {
    it(`"${form}" in its own paragraph becomes one scene break`, () => {
      expect(clean(`<p>Before.</p><p>${form}</p><p>After.</p>`)).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
    });
  }

  it('a centered # (align attribute or <center>) becomes a scene break', () => {
    expect(clean('<p>Before.</p><p align="center">#</p><p>After.</p>')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
    expect(clean('<p>Before.</p><center>#</center><p>After.</p>')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
    expect(clean('<p>Before.</p><div align="center"><b>* * *</b></div><p>After.</p>')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
  });

  it('an <hr> with any attributes becomes the same scene break', () => {
    expect(clean('<p>Before.</p><hr size="2" width="50%" noshade><p>After.</p>')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
  });

  it('a break line between <br>s becomes a break between paragraphs', () => {
    expect(clean('Before.<br><br>* * *<br><br>After.')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
    expect(clean('Before.<br>~~~~~<br>After.')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
  });

  it('a break line inside one <p> splits that paragraph', () => {
    expect(clean('<p>Before.<br><br>o0o<br><br>After.</p>')).toBe(`<p>Before.</p>${BREAK}<p>After.</p>`);
  });

  it('collapses consecutive breaks, also when empty paragraphs sit between them', () => {
    expect(clean('<p>A.</p><hr><p>* * *</p><p>&nbsp;</p><hr><p>B.</p>')).toBe(`<p>A.</p>${BREAK}<p>B.</p>`);
  });

  it('drops a trailing break, and one inside a closing wrapper', () => {
    expect(clean('<p>The end.</p><p>* * * * * * *</p>')).toBe('<p>The end.</p>');
    expect(clean('<div><p>The end.</p><hr><p>&nbsp;</p></div>')).toBe('<div><p>The end.</p></div>');
  });

  it('drops a leading break: nothing comes before it to separate', () => {
    expect(clean('<hr><p>Start.</p>')).toBe('<p>Start.</p>');
  });

  it('keeps paragraphs that merely contain symbols or that are words', () => {
    for (const text of ['...', '…', 'Ooo', 'xxx', 'No.', '"..."', 'Oh.', '— Anonymous', '* note: see below']) {
      expect(clean(`<p>A.</p><p>${text}</p><p>B.</p>`), text).not.toContain('fs-scene-break');
    }
  });

  it('keeps a paragraph with an image even when its text is a symbol', () => {
    expect(clean('<p>A.</p><p><img src="https://x.test/a.png" alt="">*</p><p>B.</p>')).toContain('<img');
  });

  it('recognises break text and nothing else', () => {
    expect(isSceneBreakText(' * * * ')).toBe(true);
    expect(isSceneBreakText('XxX')).toBe(true);
    expect(isSceneBreakText('')).toBe(false);
    expect(isSceneBreakText('...')).toBe(false);
    expect(isSceneBreakText('ooo')).toBe(false);
    expect(isSceneBreakText('xox and more')).toBe(false);
    expect(isSceneBreakText('*'.repeat(80))).toBe(false);
  });
});

describe('fonts and colours', () => {
  it('unwraps <font> and keeps its text', () => {
    expect(clean('<p><font color="red" face="Verdana" size="2">Red text</font> here</p>')).toBe('<p>Red text here</p>');
  });

  it('unwraps nested <font> around a whole chapter and still finds the paragraphs', () => {
    expect(clean('<font color="#ff0000"><font face="Verdana">One.<br><br>Two.</font></font>')).toBe('<p>One.</p><p>Two.</p>');
  });

  it('drops colour and face attributes from other elements', () => {
    const out = clean('<table bgcolor="black"><tbody><tr><td bgcolor="red">cell</td></tr></tbody></table><p><span color="red">x</span></p>');
    expect(out).not.toMatch(/bgcolor|color=|face=/);
    expect(out).toContain('cell');
  });

  it('unwraps bare spans (their classes and styles are gone already)', () => {
    expect(clean('<p>a<span>&nbsp;</span>b</p>')).toBe('<p>a&nbsp;b</p>');
    expect(clean('<p><span lang="fr">bonjour</span></p>')).toBe('<p><span lang="fr">bonjour</span></p>');
  });

  it('removes <basefont>', () => {
    expect(clean('<basefont color="red"><p>Text.</p>')).toBe('<p>Text.</p>');
  });
});

describe('paragraphs', () => {
  it('splits text at <br><br> into paragraphs and keeps single <br>s', () => {
    expect(clean('First line<br>same paragraph<br><br>Second paragraph')).toBe(
      '<p>First line<br>same paragraph</p><p>Second paragraph</p>',
    );
  });

  it('treats three or more <br>s and whitespace between them as one paragraph break', () => {
    expect(clean('One.<br>\n<br> \n<br>Two.')).toBe('<p>One.</p><p>Two.</p>');
  });

  it('wraps bare text at the top in a paragraph', () => {
    expect(clean('Just one line.')).toBe('<p>Just one line.</p>');
  });

  it('keeps inline markup inside the new paragraphs', () => {
    expect(clean('<b>Bold</b> start.<br><br>An <i>italic</i> <a href="https://x.test/">link</a>.')).toBe(
      '<p><b>Bold</b> start.</p><p>An <i>italic</i> <a href="https://x.test/">link</a>.</p>',
    );
  });

  it('splits a one-<p> chapter, copying the paragraph attributes', () => {
    expect(clean('<p align="justify">One.<br><br>Two.</p>')).toBe('<p align="justify">One.</p><p align="justify">Two.</p>');
  });

  it('trims <br>s at the start and end of a paragraph', () => {
    expect(clean('<p><br>Text.<br></p>')).toBe('<p>Text.</p>');
  });

  it('regroups text in a div that is split by <br><br>', () => {
    expect(clean('<div>One.<br><br>Two.</div>')).toBe('<div><p>One.</p><p>Two.</p></div>');
  });

  it('leaves a div of one line alone', () => {
    expect(clean('<div align="center">Chapter One</div><p>Text.</p>')).toBe('<div align="center">Chapter One</div><p>Text.</p>');
  });

  it('wraps loose text that sits between blocks', () => {
    expect(clean('<div>Loose.<p>Para.</p>Tail.</div>')).toBe('<div><p>Loose.</p><p>Para.</p><p>Tail.</p></div>');
  });

  it('drops empty paragraphs (&nbsp;, <br>, nothing)', () => {
    expect(clean('<p>A.</p><p>&nbsp;</p><p><br></p><p></p><p> </p><div>&nbsp;</div><p>B.</p>')).toBe('<p>A.</p><p>B.</p>');
  });

  it('keeps a paragraph holding only an image', () => {
    expect(clean('<p><img src="https://x.test/a.png" alt="map"></p>')).toBe('<p><img src="https://x.test/a.png" alt="map"></p>');
  });
});

describe('markup that stays', () => {
  it('keeps em, strong, i, b, u, s, sup and sub', () => {
    const html = '<p><em>e</em> <strong>s</strong> <i>i</i> <b>b</b> <u>u</u> <s>s</s> x<sup>2</sup> H<sub>2</sub>O</p>';
    expect(clean(html)).toBe(html);
  });

  it('keeps block quotes, lists and headings', () => {
    const html = '<h2>Part One</h2><blockquote><p>Quoted.</p></blockquote><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>';
    expect(clean(html)).toBe(html);
  });

  it('keeps centered and right-aligned paragraphs (align)', () => {
    const html = '<p align="center">A song line</p><p align="right">Signed, me</p>';
    expect(clean(html)).toBe(html);
  });

  it('keeps tables, links and images', () => {
    const html = '<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table><p><a href="https://x.test/">l</a> <img src="https://x.test/i.png" alt="i"></p>';
    expect(clean(html)).toBe(html);
  });

  it('emphasises inside a block quote', () => {
    expect(clean('<blockquote>quoted *text*</blockquote>')).toBe('<blockquote>quoted <em>text</em></blockquote>');
  });

  it('is idempotent', () => {
    const once = clean('A *b* c<br><br>* * *<br><br><font color="red">d</font><hr>');
    expect(clean(once)).toBe(once);
  });

  it('works on the given document without touching it', () => {
    const before = document.body.innerHTML;
    clean('<p>x</p><img src="https://x.test/a.png">');
    expect(document.body.innerHTML).toBe(before);
  });

  it('returns an empty string for empty input', () => {
    expect(clean('')).toBe('');
    expect(clean('<p>&nbsp;</p>')).toBe('');
  });
});

describe('real chapters stay as they were', () => {
  const ffnUrl = 'https://www.fanfiction.net/s/1/1/';
  const pages: [string, string, string][] = [
    ['ffn/chapter-counting-ch1-modern.html', ffnUrl, '#storytext'],
    ['ffn/chapter-2009-childoffour-ch1-oldlayout.html', ffnUrl, '#storytext'],
    ['ffn/chapter-2020-why-we-fight-ch1.html', ffnUrl, '#storytext'],
    ['ffn/chapter-stuck-ch1-sga.html', ffnUrl, '#storytext'],
    ['ffn/oneshot-2020-unicorns-curse.html', ffnUrl, '#storytext'],
    ['ao3/chapter-17793689-ch1.html', 'https://archiveofourown.org/works/17793689/chapters/41980418', '#chapters [role="article"]'],
    ['ao3/work-323217-mentalist.html', 'https://archiveofourown.org/works/323217', '#chapters .userstuff'],
    ['ao3/chapter-chinese-baixuejintao-ch1.html', 'https://archiveofourown.org/works/1/chapters/2', '#chapters .userstuff'],
    ['ao3/old-work-right-starwars.html', 'https://archiveofourown.org/works/1', '#chapters .userstuff'],
  ];

  for (const [file, url, selector] of pages) {
    it(`${file}: same words, no <font>, breaks all alike`, () => {
      const doc = loadPage(file, url);
      const html = sanitizeElement(doc.querySelector(selector));
      const words = wordsOf(html);
      expect(words).toBeGreaterThan(50);
      const out = cleanChapterHtml(html, doc);
      expect(wordsOf(out)).toBe(words);
      expect(out).not.toMatch(/<font|<hr>|<hr (?!class="fs-scene-break">)/);
    });
  }

  it('AO3 <hr> scene breaks become scene breaks (old-work-right-starwars)', () => {
    const doc = loadPage('ao3/old-work-right-starwars.html', 'https://archiveofourown.org/works/1');
    const html = sanitizeElement(doc.querySelector('#chapters .userstuff'));
    const hrs = html.match(/<hr>/g)?.length ?? 0;
    expect(hrs).toBeGreaterThan(3);
    const out = cleanChapterHtml(html, doc);
    // Every rule but a trailing one survives as a break.
    expect(out.match(/fs-scene-break/g)?.length).toBeGreaterThanOrEqual(hrs - 1);
  });

  it('a one-<p> FFN chapter split by <br><br> becomes many paragraphs (why-we-fight)', () => {
    const doc = loadPage('ffn/chapter-2020-why-we-fight-ch1.html', ffnUrl);
    const html = sanitizeElement(doc.querySelector('#storytext'));
    expect(html.match(/<p[ >]/g)?.length).toBe(1);
    const out = cleaned(html);
    expect(out.querySelectorAll('p').length).toBeGreaterThan(30);
    expect(out.querySelector('p')!.textContent).toMatch(/I do not Own Harry Potter/);
  });

  it('typed emphasis in FFN italics does not nest (counting ch1)', () => {
    const doc = loadPage('ffn/chapter-counting-ch1-modern.html', ffnUrl);
    const out = cleaned(sanitizeElement(doc.querySelector('#storytext')));
    expect(out.querySelector('em em')).toBeNull();
    expect(Array.from(out.querySelectorAll('em')).map((e) => e.textContent)).toContain('viciously');
    expect(out.textContent).not.toContain('*viciously*');
  });
});

describe('the seed stories as plain text', () => {
  /** A plain-text story as archives post it: one <p> per line. */
  function seedHtml(name: string): string {
    const text = readFileSync(path.join(SHARED, 'seeds', name), 'utf8');
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return text
      .split(/\r?\n/)
      .map((line) => `<p>${escape(line)}</p>`)
      .join('\n');
  }

  it('Lost Soul: *Bloody fucking wonderful* is italic and * * * * * is a scene break', () => {
    const out = cleaned(seedHtml('000_1251d9eee5d7d750.txt'));
    const ems = Array.from(out.querySelectorAll('em')).map((e) => e.textContent);
    expect(ems).toContain('Bloody fucking wonderful');
    expect(ems).toContain('Food');
    expect(ems).toContain('Vampires don\'t cry');
    expect(out.innerHTML).not.toContain('*Bloody');
    const breaks = out.querySelectorAll('hr.fs-scene-break');
    expect(breaks.length).toBe(1);
    expect(breaks[0]!.previousElementSibling!.textContent).toMatch(/\S/);
    // The closing "* * * * * * *" after "The end." is trailing, so it goes.
    expect(out.lastElementChild!.textContent).toBe('The end.');
    expect(out.querySelectorAll('p:empty').length).toBe(0);
  });

  it('Lost Soul keeps every word but the break stars', () => {
    const html = seedHtml('000_1251d9eee5d7d750.txt');
    expect(wordsOf(clean(html))).toBe(wordsOf(html));
  });

  it('the second seed: ~~~~~ is a scene break between two scenes', () => {
    const out = cleaned(seedHtml('004_f0bdf96806cec450.txt'));
    const breaks = out.querySelectorAll('hr.fs-scene-break');
    expect(breaks.length).toBe(1);
    expect(breaks[0]!.previousElementSibling!.textContent).toMatch(/I'm bringing a vampire his mojo back/);
    expect(breaks[0]!.nextElementSibling!.textContent).toMatch(/^Down in the school basement/);
    expect(out.textContent).not.toContain('~~~~~');
  });
});
