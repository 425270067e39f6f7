// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { hasSharedFixtures } from '../helpers/fixtures';
import { fuzzPages, readFixture, recordFigures, resultProblems, runBytes, type FuzzPage } from './generators';

/**
 * Real fixtures re-encoded as windows-1252, Shift_JIS and UTF-16 (LE and BE,
 * with BOM), fed as bytes with their meta/BOM through the command line's DOM
 * building: the title, authors and first sentence equal the UTF-8 original's.
 */

/** windows-1252's 0x80–0x9F block: the curly quotes, dashes and ellipsis of Latin text. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** A character the encoding lacks is written as a numeric reference, as a browser saving the page would. */
const reference = (ch: string) => Buffer.from(`&#${ch.codePointAt(0)};`, 'latin1');

function windows1252(text: string): Buffer {
  const out: Buffer[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = CP1252_HIGH.indexOf(ch);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out.push(Buffer.from([code]));
    else if (high >= 0 && code > 0xff) out.push(Buffer.from([0x80 + high]));
    else out.push(reference(ch));
  }
  return Buffer.concat(out);
}

let shiftJisTable: Map<string, Buffer> | null = null;
/** Shift_JIS encoder built by decoding every two-byte code (Node decodes Shift_JIS but cannot encode it). */
function shiftJis(text: string): Buffer {
  if (!shiftJisTable) {
    shiftJisTable = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let b = 0xa1; b <= 0xdf; b++) shiftJisTable.set(decoder.decode(Uint8Array.of(b)), Buffer.from([b]));
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !shiftJisTable.has(ch)) shiftJisTable.set(ch, Buffer.from([lead, trail]));
      }
    }
  }
  const out: Buffer[] = [];
  for (const ch of text) {
    if (ch.codePointAt(0)! < 0x80) out.push(Buffer.from(ch, 'latin1'));
    else out.push(shiftJisTable.get(ch) ?? reference(ch));
  }
  return Buffer.concat(out);
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

/** The page's own charset declaration rewritten (or added) so the bytes say what they are. */
function declare(html: string, charset: string): string {
  const meta = /<meta[^>]*charset\s*=\s*["']?[\w-]+["']?[^>]*>/i;
  const tag = `<meta charset="${charset}">`;
  if (meta.test(html)) return html.replace(meta, tag);
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => `${h}${tag}`) : `${tag}${html}`;
}

const ENCODINGS: Record<string, (html: string) => Buffer> = {
  'windows-1252': (html) => windows1252(declare(html, 'windows-1252')),
  shift_jis: (html) => shiftJis(declare(html, 'shift_jis')),
  'utf-16le (BOM)': (html) => utf16(html, false),
  'utf-16be (BOM)': (html) => utf16(html, true),
};

/** Pages with accented Latin text, curly quotes, and Japanese fandom names, across four adapters. */
const CHOSEN = [
  'fanfictions-fr/chapter-brasier-annee-zero-ch1.html',
  'ao3/work-29046888-bnha-japanese-fandom.html',
  'ao3/work-323217-mentalist.html',
  'ffn/chapter-2020-why-we-fight-ch1.html',
  'pages/header-br-lines.html',
];

const firstSentence = (text: string | undefined) => /^[\s\S]*?[.!?。](?=\s|$)/.exec(text ?? '')?.[0] ?? (text ?? '').slice(0, 200);
let converted = 0;

describe.skipIf(!hasSharedFixtures())('fixtures in other encodings', () => {
  const pages = fuzzPages().filter((p) => CHOSEN.includes(p.fixture));
  it('finds the chosen fixtures', () => expect(pages.map((p) => p.fixture).sort()).toEqual([...CHOSEN].sort()));

  for (const page of pages) {
    describe(page.fixture, () => {
      const utf8 = readFixture(page);
      let original: ReturnType<typeof runBytes> | null = null;
      const whole = (p: FuzzPage) => (original ??= runBytes(utf8, p.url, p.generic));

      for (const [name, encode] of Object.entries(ENCODINGS)) {
        it(name, () => {
          const expected = whole(page).result;
          expect(expected.kind).toBe('story');
          const bytes = encode(utf8.toString('utf8'));
          expect(bytes.equals(utf8)).toBe(false);
          converted++;
          const run = runBytes(bytes, page.url, page.generic);
          expect(resultProblems(run.result)).toEqual([]);
          expect(run.result.kind).toBe('story');
          expect(run.result.story?.title).toBe(expected.story?.title);
          expect(run.result.story?.authors).toEqual(expected.story?.authors);
          const chapter = (r: typeof expected) => r.story?.chapters.find((c) => c.text)?.text;
          expect(firstSentence(chapter(run.result)).length).toBeGreaterThan(10);
          expect(firstSentence(chapter(run.result))).toBe(firstSentence(chapter(expected)));
        }, 120_000);
      }
    });
  }
});

afterAll(() => {
  recordFigures('encodings', { encodings: Object.keys(ENCODINGS), pages: CHOSEN, conversions: converted });
});
