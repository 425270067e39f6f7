/**
 * Finding each canon hint's first match in story text without running every
 * hint's expression at every position of the text.
 *
 * Every hint is matched case-insensitively between word edges, and almost
 * every hint begins with words ("Angelus", "the First Evil", "Spike's chip").
 * So each hint is read once for the literal starts every match of it must
 * begin with (`literalStarts`), the text is lower-cased once, and a hint's
 * own expression is tried only where a word of the text begins with one of
 * its starts. A start is a necessary condition, never a guess: anything the
 * reader does not understand ends a start where it is, and a hint whose
 * starts cannot be told is scanned the plain way.
 */

/** In a start, stands for `\s+`: one or more white-space characters. */
export const SPACES = '\u0000';

/** Starts longer than this are cut: a longer start rules out little more. */
const MAX_START = 24;
/** More starts than this (a hint of many alternatives) are cut to their first words. */
const MAX_STARTS = 64;

interface Start {
  text: string;
  /** The branch matched exactly `text`, so what follows it in the pattern may extend it. */
  open: boolean;
}

/**
 * Literal characters a start may hold: those for which case-insensitive
 * matching and lower-casing agree (see foldForStarts): ASCII, Latin-1
 * letters, and typographic quotes and dashes, which have no case.
 */
const SAFE_CHAR = /^[\x20-\x7e\u00c0-\u00ff‘’“”–—]$/;

/** Syntax characters a pattern escapes to mean themselves (the only identity escapes the `u` flag allows). */
const SYNTAX_CHAR = /^[\^$\\.*+?()[\]{}|/]$/;

class Unreadable extends Error {}

/**
 * The literal texts every match of `pattern` (as a hint reads it: flags `iu`)
 * begins with, lower case, `SPACES` standing for white space; null when they
 * cannot be told (a hint that may begin with anything, or syntax this reader
 * does not know). Each start is non-empty and begins with a letter or digit
 * (ASCII or Latin-1), so a match can only begin where a word of the text begins.
 */
export function literalStarts(pattern: string): string[] | null {
  let starts: Start[];
  try {
    const reader = new PatternReader(pattern);
    starts = reader.alternation();
    if (!reader.done()) return null;
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  const texts = [...new Set(starts.map((s) => s.text))].sort();
  // A start that another start begins says nothing more: keep the shorter.
  const kept = texts.filter((t, i) => !texts.some((o, j) => j !== i && t.startsWith(o) && o.length < t.length));
  return kept.length > 0 && kept.every((t) => isWordCode(t.charCodeAt(0))) ? kept : null;
}

/** Reads a pattern's source, term by term, for its literal starts. */
class PatternReader {
  private at = 0;
  /**
   * Above 0 while reading what follows a branch whose starts are all closed:
   * nothing there can change them, so only the syntax is read (a guide's
   * hints were expanded to the end on every page's first read, most of the
   * 30–40 ms the starts cost).
   */
  private skipping = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  /** Branches separated by `|`, up to the end or a closing `)`. */
  alternation(): Start[] {
    const starts = this.sequence();
    while (this.source[this.at] === '|') {
      this.at++;
      starts.push(...this.sequence());
    }
    return this.skipping > 0 ? UNKNOWN : capped(starts);
  }

  private sequence(): Start[] {
    let current: Start[] = [{ text: '', open: true }];
    while (!this.done() && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      if (this.skipping === 0 && current.every((s) => !s.open)) {
        this.skipping++;
        this.skipRestOfSequence();
        this.skipping--;
        break;
      }
      const run = this.skipping === 0 ? this.letterRun() : '';
      if (run) {
        // A run of plain letters and digits extends each open start at once, not a character at a time.
        current = capped(concat(current, [{ text: run, open: true }]));
        continue;
      }
      const atom = this.atom();
      const { min, max } = this.quantifier();
      if (this.skipping > 0) continue;
      if (max === 0) continue;
      let taken = concat(current, atom);
      // Once repeated, what follows the first repetition is not known.
      if (max > 1) taken = taken.map((s) => ({ text: s.text, open: false }));
      current = capped(min === 0 ? [...current, ...taken] : taken);
    }
    return current;
  }

  /**
   * ASCII letters and digits from here, lower case, up to (not including) one
   * a quantifier follows, which must be read as an atom of its own: "Summers?"
   * gives "summer". Empty when there is no such run.
   */
  private letterRun(): string {
    let end = this.at;
    while (end < this.source.length && ASCII_WORD.test(this.source[end]!)) end++;
    if (end < this.source.length && QUANTIFIER_START.test(this.source[end]!)) end--;
    if (end <= this.at) return '';
    const run = this.source.slice(this.at, end).toLowerCase();
    this.at = end;
    return run;
  }

  /** Reads the terms up to the end of this branch, for their syntax only. */
  private skipRestOfSequence(): void {
    while (!this.done() && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      this.atom();
      this.quantifier();
    }
  }

  /** One atom's starts: a zero-width assertion starts with '' and stays open; something unknown closes. */
  private atom(): Start[] {
    const c = this.source[this.at++]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      case '^':
      case '$':
        return ZERO_WIDTH;
      case '.':
        return UNKNOWN;
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        throw new Unreadable();
      default:
        return literal(c);
    }
  }

  private group(): Start[] {
    const rest = this.source.slice(this.at);
    const assertion = /^\?(?:=|!|<=|<!)/.exec(rest);
    const named = /^\?<[A-Za-z_$][\w$]*>/.exec(rest);
    if (assertion) this.at += assertion[0].length;
    else if (named) this.at += named[0].length;
    else if (rest.startsWith('?:')) this.at += 2;
    else if (rest.startsWith('?')) throw new Unreadable();
    const inner = this.alternation();
    if (this.source[this.at] !== ')') throw new Unreadable();
    this.at++;
    // A lookaround consumes nothing: the starts go on after it as before it.
    return assertion ? ZERO_WIDTH : inner;
  }

  /** A class of at most a few safe characters ("['’]") gives each as a start; any other class is unknown. */
  private characterClass(): Start[] {
    const members: string[] = [];
    let simple = this.source[this.at] !== '^';
    for (;;) {
      const c = this.source[this.at++];
      if (c === undefined) throw new Unreadable();
      if (c === ']') break;
      if (c === '\\') {
        const next = this.source[this.at++];
        if (next === undefined) throw new Unreadable();
        if (SYNTAX_CHAR.test(next) || next === '-') members.push(next);
        else simple = false;
        continue;
      }
      if (c === '-' && members.length > 0 && this.source[this.at] !== ']') simple = false;
      members.push(c);
    }
    if (!simple || members.length === 0 || members.length > 4 || this.skipping > 0) return UNKNOWN;
    return capped(members.flatMap((m) => literal(m)));
  }

  private escape(): Start[] {
    const c = this.source[this.at++];
    if (c === undefined) throw new Unreadable();
    if (SYNTAX_CHAR.test(c)) return literal(c);
    if (c === 'b' || c === 'B') return ZERO_WIDTH;
    if (c === 's') {
      // `\s+` (greedy or lazy) is a start's SPACES; any other count of white space is unknown.
      const run = /^\+\??/.exec(this.source.slice(this.at));
      if (!run) return UNKNOWN;
      this.at += run[0].length;
      return [{ text: SPACES, open: true }];
    }
    if (c === 'p' || c === 'P') {
      const end = this.source.indexOf('}', this.at);
      if (this.source[this.at] !== '{' || end < 0) throw new Unreadable();
      this.at = end + 1;
      return UNKNOWN;
    }
    if (c === 'k') {
      const end = this.source.indexOf('>', this.at);
      if (this.source[this.at] !== '<' || end < 0) throw new Unreadable();
      this.at = end + 1;
      return UNKNOWN;
    }
    if (/^[dDwWS1-9tnrvf0]$/.test(c)) {
      while (/^[0-9]$/.test(this.source[this.at] ?? '') && /^[1-9]$/.test(c)) this.at++;
      return UNKNOWN;
    }
    // \x, \u, \c and anything else: not worth reading.
    throw new Unreadable();
  }

  /** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy; none is once. */
  private quantifier(): { min: number; max: number } {
    const rest = this.source.slice(this.at);
    const m = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(rest);
    if (!m) return { min: 1, max: 1 };
    this.at += m[0].length;
    if (m[1] === '?') return { min: 0, max: 1 };
    if (m[1] === '*') return { min: 0, max: Infinity };
    if (m[1] === '+') return { min: 1, max: Infinity };
    const min = Number(m[2]);
    const max = m[3] ? (m[4] ? Number(m[4]) : Infinity) : min;
    return { min, max };
  }
}

const ASCII_WORD = /^[A-Za-z0-9]$/;
const QUANTIFIER_START = /^[?*+{]$/;

const ZERO_WIDTH: Start[] = [{ text: '', open: true }];
const UNKNOWN: Start[] = [{ text: '', open: false }];

/** Whether every character of a literal is one foldForStarts folds as case-insensitive matching does. */
export const foldsSafely = (literalText: string): boolean => [...literalText].every((c) => SAFE_CHAR.test(c));

function literal(c: string): Start[] {
  return SAFE_CHAR.test(c) ? [{ text: c.toLowerCase(), open: true }] : UNKNOWN;
}

/** Each open start followed by each of the atom's starts; closed starts stay as they are. */
function concat(current: Start[], atom: Start[]): Start[] {
  return current.flatMap((s) => {
    if (!s.open) return [s];
    return atom.map((a) => {
      const joined = s.text + a.text;
      // White space after `\s+` would let the run end earlier than a start reader assumes: end the start before it.
      if (s.text.endsWith(SPACES) && a.text !== '' && /^[\s\u0000]/.test(a.text)) return { text: s.text, open: false };
      if (joined.length >= MAX_START) return { text: joined.slice(0, MAX_START), open: false };
      return { text: joined, open: a.open };
    });
  });
}

function capped(starts: Start[]): Start[] {
  const unique = new Map<string, Start>();
  for (const s of starts) {
    const key = `${s.open ? 1 : 0}${s.text}`;
    if (!unique.has(key)) unique.set(key, s);
  }
  if (unique.size <= MAX_STARTS) return [...unique.values()];
  // Too many to file: each start's first word still rules out as much as most hints need.
  const words = new Set([...unique.values()].map((s) => s.text.split(SPACES)[0]!));
  if (words.size > MAX_STARTS) throw new Unreadable();
  return [...words].map((text) => ({ text, open: false }));
}

// ---------------------------------------------------------------- reading text

/**
 * The text lower-cased for comparing with starts, one UTF-16 unit per unit of
 * the text. Case-insensitive matching (flags `iu`) pairs a letter a start may
 * hold with its capital and, for "s", "k", "å", "ÿ" and "ß", with U+017F (long
 * s), U+212A (Kelvin sign), U+212B (Ångström sign), U+0178 and U+1E9E;
 * lower-casing agrees on all but the long s, and a few letters elsewhere
 * lower-case into two units ("İ"), so those texts get a fold of their own.
 */
export function foldForStarts(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !lower.includes('\u017f')) return lower;
  return text.replace(/[A-Z\u00c0-\u00de\u0178\u017f\u1e9e\u212a\u212b]/g, (c) => (c === '\u017f' ? 's' : c.toLowerCase()));
}

/** White space as `\s` reads it. */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const SPACES_CODE = 0;

/** A lower-case letter or digit a start may begin with: ASCII, or a Latin-1 letter (not ÷). */
const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xdf && code <= 0xff && code !== 0xf7);

/** One character into a start: the patterns whose start ends here, and the characters that go on. */
interface TrieNode {
  patterns: number[];
  next: Map<number, TrieNode>;
}

const trieNode = (): TrieNode => ({ patterns: [], next: new Map() });

/**
 * Pattern numbers filed under their starts, in a trie of the starts'
 * characters: the text is walked from each word start only as far as some
 * start goes on.
 */
export class StartIndex {
  private readonly root = trieNode();
  /**
   * A start's first three characters (cut to a few bits each), or its first
   * two or first one when white space follows them or the start ends there:
   * most words of a text begin with none of these (a filter of two characters
   * let two thirds of a story's words through, each then walked down the
   * trie), and are passed over without a look at the trie.
   */
  private readonly triples = new Uint8Array(0x8000);
  private readonly pairs = new Uint8Array(0x10000);
  private readonly firstAlone = new Uint8Array(0x100);

  add(start: string, pattern: number): void {
    const first = start.charCodeAt(0);
    const second = start.charCodeAt(1);
    const third = start.charCodeAt(2);
    if (start.length === 1 || second === SPACES_CODE) this.firstAlone[first] = 1;
    else if (start.length === 2 || third === SPACES_CODE) this.pairs[pairKey(first, second)] = 1;
    else this.triples[tripleKey(first, second, third)] = 1;
    let node = this.root;
    for (let k = 0; k < start.length; k++) {
      const code = start.charCodeAt(k);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = trieNode()));
      node = child;
    }
    if (!node.patterns.includes(pattern)) node.patterns.push(pattern);
  }

  /**
   * Calls `visit(at, pattern)` for every position where a word of the text
   * begins with a start filed under the pattern, in text order; `visit`
   * returns false to stop. A word begins where a letter or digit a start may
   * begin with follows anything else: every real match begins there (a hint
   * refuses a letter or digit before it), and its own expression rejects the
   * rest.
   */
  scan(folded: string, visit: (at: number, pattern: number) => boolean): void {
    let previousIsWord = false;
    for (let at = 0; at < folded.length; at++) {
      const code = folded.charCodeAt(at);
      const word = isWordCode(code);
      if (word && !previousIsWord && this.mayStart(folded, at, code)) {
        const first = this.root.next.get(code);
        if (first && !walk(folded, at, at + 1, first, visit)) return;
      }
      previousIsWord = word;
    }
  }

  /** Whether some start's first characters, as filed by `add`, are the text's at `at`: a start that matches there always is. */
  private mayStart(folded: string, at: number, first: number): boolean {
    if (this.firstAlone[first]) return true;
    const second = folded.charCodeAt(at + 1);
    return this.pairs[pairKey(first, second)] === 1 || this.triples[tripleKey(first, second, folded.charCodeAt(at + 2))] === 1;
  }
}

/** Words begin with a letter or digit below U+0100, so the first character's low byte is itself. */
const pairKey = (first: number, second: number) => ((first & 0xff) << 8) | (second & 0xff);
/** Five low bits of each: ASCII letters stay apart, other characters may share a key (a false pass, never a miss); past the end (NaN) is 0. */
const tripleKey = (first: number, second: number, third: number) => ((first & 0x1f) << 10) | ((second & 0x1f) << 5) | (third & 0x1f);

/** Follows the text from `i` down the trie from `node`, visiting the patterns of every start met; false once `visit` says stop. */
function walk(folded: string, at: number, i: number, node: TrieNode, visit: (at: number, pattern: number) => boolean): boolean {
  for (;;) {
    for (const pattern of node.patterns) if (!visit(at, pattern)) return false;
    const code = folded.charCodeAt(i);
    const spaces = isSpace(code) ? node.next.get(SPACES_CODE) : undefined;
    const child = node.next.get(code);
    if (spaces) {
      let j = i + 1;
      while (isSpace(folded.charCodeAt(j))) j++;
      // A literal space may go on too ("Alpha pack" beside "Alpha\s+Pack"): follow both.
      if (!child) {
        node = spaces;
        i = j;
        continue;
      }
      if (!walk(folded, at, j, spaces, visit)) return false;
    }
    if (!child) return true;
    node = child;
    i++;
  }
}
