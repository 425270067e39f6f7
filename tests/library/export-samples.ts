/** Stories for the EPUB and HTML export tests: written samples and real saved pages. */
import { JSDOM } from 'jsdom';
import type { Chapter, Story } from '../../utils/story';
import { emptyStory } from '../../utils/story';
import type { SavedChapter, SavedStory } from '../../utils/library/types';
import { classifyPage } from '../../utils/sites';
import { loadPage } from '../helpers/fixtures';

/** An inert document to parse story HTML in, as an extension page would. */
export const createDocument = (): Document => new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;

export interface SavedSample {
  name: string;
  story: SavedStory;
  chapters: SavedChapter[];
}

const SAVED_AT = '2025-01-02T03:04:05.678Z';
const UPDATED_AT = '2025-02-03T04:05:06.789Z';

/** What the store keeps for a Story, shaped here so export tests do not need IndexedDB. */
export function toSaved(story: Story, name = story.title): SavedSample {
  const { chapters, ...blurb } = story;
  const saved = chapters.filter((c) => c.html);
  const missing = chapters.filter((c) => !c.html).map((c) => c.index);
  return {
    name,
    story: {
      ...blurb,
      savedAt: SAVED_AT,
      updatedAt: UPDATED_AT,
      complete: missing.length === 0,
      missing,
      savedChapters: saved.length,
      shelves: [],
      bytes: 0,
      toc: chapters.map((c) => ({ index: c.index, title: c.title, url: c.url })),
    },
    chapters: saved.map((c) => ({ storyId: story.id, ...c })),
  };
}

function chapter(index: number, html: string, extra: Partial<Chapter> = {}): Chapter {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return { index, html, text, words: text.split(' ').length, ...extra };
}

export function oneShot(): SavedSample {
  const story: Story = {
    ...emptyStory('header-block', 'https://example.org/fic/hush.html'),
    id: 'header-block:abc123',
    title: 'Quiet',
    authors: [{ name: 'Willow R.' }],
    fandoms: ['Buffy the Vampire Slayer'],
    rating: { raw: 'PG', level: 'general' },
    status: 'complete',
    chapterCount: { posted: 1, planned: 1 },
    words: 12,
    chapters: [chapter(1, '<p>Nobody spoke in Sunnydale that morning.</p><p>Not even Xander.</p>')],
  };
  return toSaved(story, 'one-shot');
}

const SOUP = `
<p>Tea &amp; biscuits, 3 &lt; 4 &gt; 2, "quotes" and 'apostrophes' — and a stray &amp;amp;.</p>
Loose text<br>after a break<br/><br>
<center><font face="Arial" color="red"><b>Part One</b></font></center>
<p align="center">* * *</p>
<img src="/images/map.png" alt="Map of Sunnydale" width="300" height="abc">
<a href="https://example.org/next.html" target="_blank" rel="noopener">next &amp; more</a>
<a href="#footnote-1">[1]</a>
<a href="/fic/other.html">relative link</a>
<table border="1" cellpadding="2"><tr><th>Who</th><th>Where</th></tr><tr><td>Spike</td><td colspan="2">The crypt</td></tr></table>
<ul>stray text<li>one</li><p>not an item</p><li>two</li></ul>
<span><p>paragraph inside a span</p></span>
<i><p>italic paragraph one</p><p>italic paragraph two</p></i>
<strike>struck</strike> <tt>typed</tt> <big>big</big> <u>under</u>
<o:p>Word's own tag</o:p>
<pre>  two  spaces
kept</pre>
<p>Control\u0001char and \uFFFF noncharacter removed, émoji 🦇 kept.</p>`;

export function multiChapter(): SavedSample {
  const story: Story = {
    ...emptyStory('otw', 'https://archiveofourown.org/works/17793689'),
    id: 'ao3:17793689',
    title: 'Ærø & «Café» — 東京の夜 <Night>',
    authors: [
      { name: 'Zoë Ångström', url: 'https://archiveofourown.org/users/zoe' },
      { name: 'Ivan Иванов' },
    ],
    fandoms: ['Buffy the Vampire Slayer', 'Angel: the Series'],
    rating: { raw: 'Teen And Up Audiences', level: 'teen' },
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/M'],
    relationships: ['Buffy Summers/Spike'],
    characters: ['Buffy Summers', 'Spike', 'Dawn Summers'],
    tags: ['Post-Canon', 'Hurt/Comfort', 'Fluff & Angst'],
    summary: 'After the crater, Buffy & Spike find a café.\nIt has <tables>.',
    disclaimer: 'Joss owns them; I only borrow.',
    notes: [
      { position: 'before', text: 'Thanks to my beta.', html: '<p>Thanks to my <em>beta</em>.</p>' },
      { position: 'after', text: 'Kudos welcome.', html: '<p>Kudos welcome.</p>' },
    ],
    language: 'English',
    status: 'in-progress',
    words: 4321,
    chapterCount: { posted: 3 },
    published: '2019-03-01',
    updated: '2019-04-15',
    series: [{ name: 'Crater Days', part: 2 }],
    chapters: [
      chapter(1, '<p>The bus left at dawn.</p>', {
        title: 'Départ',
        url: 'https://archiveofourown.org/works/17793689/chapters/1',
        notes: [{ position: 'before', text: 'Chapter note.', html: '<p>Chapter note &amp; more.</p>' }],
      }),
      chapter(2, SOUP, { title: 'Soup & <Sandwiches>', url: 'https://archiveofourown.org/works/17793689/chapters/2' }),
      chapter(3, '<p>The end, for now.</p>', {
        url: 'https://archiveofourown.org/works/17793689/chapters/3',
        notes: [{ position: 'after', text: 'See you soon.', html: '' }],
      }),
    ],
  };
  return toSaved(story, 'multi-chapter');
}

export function malformed(): SavedSample {
  const story: Story = {
    ...emptyStory('efiction', 'https://archive.example/viewstory.php?sid=7'),
    id: 'efiction:archive.example:7',
    title: 'Broken Tags',
    authors: [{ name: 'Anya' }],
    fandoms: ['Buffy the Vampire Slayer'],
    rating: { raw: 'NC-17', level: 'explicit' },
    status: 'complete',
    chapterCount: { posted: 2, planned: 2 },
    chapters: [
      chapter(1, '<p>Unclosed <b>bold <i>and italic</p><p>next para<div>a div in a p<p>para</span></b>'),
      chapter(2, '<table><td>cell without row<p>para in cell</table><li>orphan item</li><dd>orphan dd</dd>'
        + '<h2><div>block in heading</div></h2><a href="https://a.example"><div>block in link</div></a>'
        + '<dl><p>stray in dl</p><dt>term</dt><dd>def</dd></dl><em><ul><li>list in em</li></ul></em></p></p></div></div>'),
    ],
  };
  return toSaved(story, 'malformed');
}

/** Raw hostile HTML, as if the sanitiser had been skipped. */
export const HOSTILE = [
  '<p onclick="alert(1)" onmouseover="alert(2)">click</p>',
  '<a href="javascript:alert(1)">js link</a>',
  '<a href=" JaVaScRiPt:alert(1)">spaced js link</a>',
  '<a href="java&#x09;script:alert(1)">tab js link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<a href="vbscript:msgbox(1)">vb link</a>',
  '<img src="x" onerror="alert(1)">',
  '<img src="javascript:alert(1)">',
  '<script>alert(1)</script>',
  '<style>body{background:url(https://evil.example/beacon)}</style>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">svg</a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">go</button></form>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">ns</p></noscript>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<p title="&quot; onmouseover=&quot;alert(1)">quoted title</p>',
  '<!-- comment --><p>after comment</p><![CDATA[ cdata ]]>',
  '<template><script>alert(1)</script></template>',
  '<details open ontoggle="alert(1)"><summary>s</summary>d</details>',
  '<a href="https://ok.example" onclick="alert(1)">ok link</a>',
];

export function hostile(): SavedSample {
  const story: Story = {
    ...emptyStory('generic', 'https://evil.example/story'),
    id: 'generic:evil',
    title: '<script>alert("title")</script>',
    authors: [{ name: '"><img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }],
    fandoms: ['<b>Fandom</b>'],
    rating: { raw: '', level: 'unrated' },
    summary: '<img src=x onerror=alert(1)>',
    notes: [{ position: 'before', text: 'note', html: '<p onclick="alert(1)">note</p><script>alert(1)</script>' }],
    chapterCount: { posted: 1 },
    chapters: [chapter(1, HOSTILE.join('\n'), { title: '</title><script>alert(1)</script>' })],
  };
  return toSaved(story, 'hostile');
}

/** A real page run through the adapters, then shaped as the store would keep it. */
export function fromFixture(file: string, url: string): SavedSample {
  const result = classifyPage(loadPage(file, url), url);
  if (!result.story) throw new Error(`${file} gave no story`);
  return toSaved(result.story, file);
}

export const FIXTURE_PAGES: Array<[string, string]> = [
  ['ao3/fullwork-through-your-silver-eyes-hp.html', 'https://archiveofourown.org/works/24861814?view_full_work=true'],
  ['ao3/chapter-chinese-baixuejintao-ch1.html', 'https://archiveofourown.org/works/35618773/chapters/88801411'],
  ['ffn/oneshot-2020-unicorns-curse.html', 'https://www.fanfiction.net/s/4195819/1/Harry-Potter-and-the-Unicorn-s-Curse'],
  ['pages/efiction-spuffy-printable.html', 'https://www.spuffysanctuary.net/fiction/viewstory.php?action=printable&sid=1187&textsize=0&chapter=all'],
  ['pages/header-br-lines.html', 'https://members.example.net/~michael/fic/lostsoul.html'],
];
