// @vitest-environment node
/**
 * Issue 7: injected UI and extension pages never put page text into HTML
 * unsanitised. Every place in components/ and entrypoints/ that turns a
 * string into markup is listed here with what makes it safe; a new one fails
 * this test until someone checks it and adds it (with its reason).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures';

/** Ways a string becomes live markup. DOMParser is listed too: it is inert, but worth a look each time. */
const SINK = /\binnerHTML\s*=|\bouterHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|dangerouslySetInnerHTML|\bsrcdoc\b|parseFromString|\.html\(\s*[^)]/;

interface Approved {
  file: string;
  /** The sink's line, as written. */
  line: RegExp;
  /** Source text in the same file that shows the string was sanitised (or why the sink is inert). */
  proof: RegExp;
  why: string;
}

const APPROVED: Approved[] = [
  {
    file: 'components/reader/ReaderArticle.tsx',
    line: /dangerouslySetInnerHTML=\{\{ __html: textHtml \}\}/,
    proof: /^(?=[\s\S]*const textHtml = useMemo\(\(\) => readingHtml\()(?=[\s\S]*return cleanChapterHtml\(sanitizeHtml\(html, doc\.defaultView\), doc\))/,
    why: 'chapter HTML is sanitised again by readingHtml, then cleaned in an inert document',
  },
  {
    file: 'components/reader/ReaderArticle.tsx',
    line: /dangerouslySetInnerHTML=\{\{ __html: noteHtml\(note\) \|\| escapeText\(note\.text\) \}\}/,
    proof: /function noteHtml\(note: Note\): string \{\s*return note\.html\.trim\(\) \? sanitizeHtml\(note\.html\) : '';[\s\S]*function escapeText\(text: string\): string \{\s*return text\.replace\(\/&\/g, '&amp;'\)\.replace\(\/<\/g, '&lt;'\)\.replace\(\/>\/g, '&gt;'\);/,
    why: 'note HTML goes through sanitizeHtml; the text fallback is escaped',
  },
  {
    file: 'components/library/check-updates.ts',
    line: /new DOMParser\(\)\.parseFromString\(html, 'text\/html'\)/,
    proof: /parseFromString/,
    why: 'DOMParser documents are inert (no scripts, no loads); only read by adapters, never shown',
  },
  {
    file: 'entrypoints/page.content/features/save-story.ts',
    line: /parse: \(html\) => new DOMParser\(\)\.parseFromString\(html, 'text\/html'\)/,
    proof: /parseFromString/,
    why: 'fetched chapter pages are parsed inert for the adapters; their HTML is sanitised by extraction',
  },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|js|jsx|html)$/.test(name)) out.push(full);
  }
  return out;
}

interface Sink {
  file: string;
  lineNumber: number;
  text: string;
}

function findSinks(): Sink[] {
  const sinks: Sink[] = [];
  for (const root of ['components', 'entrypoints']) {
    for (const file of sourceFiles(path.join(ROOT, root))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((text, i) => {
        const code = text.replace(/\/\/.*$/, '');
        if (/^\s*(\*|\/\*)/.test(text)) return; // doc comments
        if (SINK.test(code)) sinks.push({ file: path.relative(ROOT, file), lineNumber: i + 1, text: text.trim() });
      });
    }
  }
  return sinks;
}

describe('HTML sinks in components/ and entrypoints/', () => {
  const sinks = findSinks();

  it('finds the sinks it knows of (the scan works)', () => {
    expect(sinks.some((s) => s.file === 'components/reader/ReaderArticle.tsx')).toBe(true);
  });

  it('every sink is an approved one whose input is sanitised or inert', () => {
    const unapproved = sinks.filter((s) => !APPROVED.some((a) => a.file === s.file && a.line.test(s.text)));
    expect(unapproved.map((s) => `${s.file}:${s.lineNumber}: ${s.text}`)).toEqual([]);
  });

  it.each(APPROVED.map((a) => [a.file, a] as const))('%s: the proof of sanitising is still in the file', (_file, approved) => {
    const source = readFileSync(path.join(ROOT, approved.file), 'utf8');
    expect(source, approved.why).toMatch(approved.proof);
    expect(source.split('\n').some((l) => approved.line.test(l)), `${approved.file} no longer has the approved sink`).toBe(true);
  });

  it('a new unsanitised sink would be caught', () => {
    const fake = 'el.innerHTML = story.title;';
    expect(SINK.test(fake)).toBe(true);
    expect(APPROVED.some((a) => a.line.test(fake))).toBe(false);
  });
});
