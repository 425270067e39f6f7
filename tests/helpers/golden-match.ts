import type { PageResult, Story, Blurb } from '@/utils/story';
import { squash } from '@/utils/metadata/text';

/** A golden text: exact, or anchored at either end, or containing phrases. */
export type TextMatcher = string | { start?: string; end?: string; contains?: string[] };

/** Collects every mismatch rather than stopping at the first, so a failing golden reads as a list. */
export function compareGolden(golden: any, result: PageResult): string[] {
  const problems: string[] = [];
  if (golden.kind !== result.kind) problems.push(`kind: expected ${golden.kind}, got ${result.kind}`);
  if (golden.site !== undefined && golden.site !== result.site)
    problems.push(`site: expected ${golden.site}, got ${result.site}`);
  if (golden.story && result.story) compareStory(golden.story, result.story, 'story', problems);
  if (golden.listing && result.listing) {
    const items = result.listing.items;
    if (golden.listing.count !== undefined && golden.listing.count !== items.length)
      problems.push(`listing.count: expected ${golden.listing.count}, got ${items.length}`);
    for (const g of golden.listing.items ?? []) {
      const item = items[g.at];
      if (!item) problems.push(`listing.items[${g.at}]: missing`);
      else compareStory(g, item, `listing.items[${g.at}]`, problems);
    }
  }
  return problems;
}

export function matchText(matcher: TextMatcher, actual: string | undefined): string | null {
  const text = squash(actual);
  if (typeof matcher === 'string') {
    return text === squash(matcher) ? null : `expected ${JSON.stringify(squash(matcher))}, got ${JSON.stringify(clip(text))}`;
  }
  const fails: string[] = [];
  if (matcher.start !== undefined && !text.startsWith(squash(matcher.start)))
    fails.push(`should start ${JSON.stringify(squash(matcher.start))}, starts ${JSON.stringify(text.slice(0, 120))}`);
  if (matcher.end !== undefined && !text.endsWith(squash(matcher.end)))
    fails.push(`should end ${JSON.stringify(squash(matcher.end))}, ends ${JSON.stringify(text.slice(-120))}`);
  for (const phrase of matcher.contains ?? [])
    if (!text.includes(squash(phrase))) fails.push(`should contain ${JSON.stringify(phrase)}`);
  return fails.length ? fails.join('; ') : null;
}

const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 80)} … ${s.slice(-60)}` : s);
const SET_FIELDS = ['fandoms', 'warnings', 'categories', 'relationships', 'characters', 'tags'] as const;
const TEXT_FIELDS = ['title', 'summary', 'disclaimer', 'language', 'status', 'published', 'updated', 'id', 'url'] as const;

function compareStory(g: any, s: Story | Blurb, where: string, problems: string[]): void {
  for (const key of TEXT_FIELDS) {
    if (g[key] === undefined) continue;
    const why = matchText(g[key], (s as any)[key]);
    if (why) problems.push(`${where}.${key}: ${why}`);
  }
  for (const key of SET_FIELDS) {
    if (g[key] === undefined) continue;
    const want = [...g[key]].map(squash).sort();
    const got = [...((s as any)[key] ?? [])].map(squash).sort();
    if (JSON.stringify(want) !== JSON.stringify(got))
      problems.push(`${where}.${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  if (g.authors !== undefined) {
    const got = s.authors.map((a) => squash(a.name));
    if (JSON.stringify(g.authors.map(squash)) !== JSON.stringify(got))
      problems.push(`${where}.authors: expected ${JSON.stringify(g.authors)}, got ${JSON.stringify(got)}`);
  }
  if (g.rating !== undefined) {
    for (const k of ['raw', 'level', 'reason'] as const) {
      if (g.rating[k] !== undefined && squash(g.rating[k]) !== squash(s.rating[k]))
        problems.push(`${where}.rating.${k}: expected ${JSON.stringify(g.rating[k])}, got ${JSON.stringify(s.rating[k])}`);
    }
  }
  if (g.words !== undefined && g.words !== s.words) problems.push(`${where}.words: expected ${g.words}, got ${s.words}`);
  if (g.chapterCount !== undefined) {
    if (g.chapterCount.posted !== s.chapterCount.posted || g.chapterCount.planned !== s.chapterCount.planned)
      problems.push(`${where}.chapterCount: expected ${JSON.stringify(g.chapterCount)}, got ${JSON.stringify(s.chapterCount)}`);
  }
  if (g.series !== undefined) {
    const got = (s.series ?? []).map((x) => ({ name: squash(x.name), part: x.part }));
    const want = g.series.map((x: any) => ({ name: squash(x.name), part: x.part }));
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${where}.series: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  if (g.notes !== undefined) compareNotes(g.notes, s.notes, `${where}.notes`, problems);
  if (g.toc !== undefined) {
    const got = ((s as Story).chapters ?? []).map((c) => squash(c.title ?? ''));
    const want = g.toc.map((t: string) => squash(t));
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${where}.toc: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  if (g.chapters !== undefined) {
    const chapters = (s as Story).chapters ?? [];
    for (const gc of g.chapters) {
      const at = `${where}.chapters[index ${gc.index}]`;
      const c = chapters.find((x) => x.index === gc.index);
      if (!c) {
        problems.push(`${at}: missing (story has indexes ${JSON.stringify(chapters.map((x) => x.index))})`);
        continue;
      }
      if (gc.title !== undefined) {
        const why = matchText(gc.title, c.title);
        if (why) problems.push(`${at}.title: ${why}`);
      }
      if (gc.start !== undefined || gc.end !== undefined || gc.contains !== undefined) {
        const why = matchText({ start: gc.start, end: gc.end, contains: gc.contains }, c.text);
        if (why) problems.push(`${at}.text: ${why}`);
      }
      for (const phrase of gc.excludes ?? [])
        if (squash(c.text).includes(squash(phrase))) problems.push(`${at}.text: should not contain ${JSON.stringify(phrase)}`);
      if (gc.notes !== undefined) compareNotes(gc.notes, c.notes ?? [], `${at}.notes`, problems);
    }
  }
}

function compareNotes(want: any[], got: { position: string; text: string }[], where: string, problems: string[]): void {
  if (want.length !== got.length) problems.push(`${where}: expected ${want.length} notes, got ${got.length}`);
  want.forEach((w, i) => {
    const n = got[i];
    if (!n) return;
    if (w.position !== undefined && w.position !== n.position)
      problems.push(`${where}[${i}].position: expected ${w.position}, got ${n.position}`);
    const why = matchText({ start: w.start, end: w.end, contains: w.contains }, n.text);
    if (why) problems.push(`${where}[${i}]: ${why}`);
  });
}
