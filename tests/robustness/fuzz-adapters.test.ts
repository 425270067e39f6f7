// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseKeyLine } from '@/utils/metadata/header-block';
import { blockText, squash } from '@/utils/metadata/text';
import { htmlDocument } from '../helpers/fixtures';
import { FUZZ_RUNS, FUZZ_SEED, headerLine, phrase, randomPage, randomUrl, recordFigures, resultProblems, runDoc } from './generators';

/**
 * Property-based fuzz of the registry and every adapter: random pages built
 * from the structures the adapters look for (AO3 meta, FFN profile_top,
 * eFiction pagetitle/listbox, header lines) mixed with junk.
 */

/**
 * CPU ms for one classify of a page of a few kilobytes. Typical is 5–150 ms;
 * a garbage collection of the growing heap once took 1.2 s, so the bound
 * leaves room for that and still catches a runaway loop.
 */
const BOUND_MS = 3_000;
const figures = { properties: 0, runs: 0, slowestCpuMs: 0, kinds: { story: 0, listing: 0, none: 0 } as Record<string, number>, sites: {} as Record<string, number> };

function check(name: string, property: fc.IProperty<any>): void {
  console.log(`[robustness] ${name}: seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs`);
  fc.assert(property, { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
  figures.properties++;
  figures.runs += FUZZ_RUNS;
}

function classify(html: string, url: string, generic: boolean) {
  const doc = htmlDocument(html, url);
  const run = runDoc(doc, url, generic);
  figures.slowestCpuMs = Math.max(figures.slowestCpuMs, Math.round(run.classifyCpuMs));
  return { doc, run };
}

// Hundreds of jsdom pages: about a minute on an idle machine, several on a loaded one.
describe('adapters under fuzz', { timeout: 900_000 }, () => {
  it('never throw, bounded time, valid shape, same page gives the same result', () => {
    check('adapters', fc.property(randomPage, randomUrl, fc.boolean(), (html, url, generic) => {
      const { doc, run } = classify(html, url, generic);
      expect(run.caught.map(String)).toEqual([]);
      expect(resultProblems(run.result)).toEqual([]);
      expect(run.classifyCpuMs).toBeLessThan(BOUND_MS);
      figures.kinds[run.result.kind]!++;
      if (run.result.site) figures.sites[run.result.site] = (figures.sites[run.result.site] ?? 0) + 1;
      // Idempotent: the same document read again gives the same result (and so the adapters left the page as it was).
      expect(runDoc(doc, url, generic).result).toEqual(run.result);
      doc.defaultView?.close();
    }));
  });

  const headerPage = fc.tuple(
    fc.array(headerLine, { minLength: 2, maxLength: 10 }),
    fc.constantFrom('<br>', '<br>\n', '</p><p>'),
    fc.array(fc.array(phrase, { minLength: 4, maxLength: 10 }).map((ps) => `${ps.join('. ')}.`), { minLength: 2, maxLength: 5 }),
  ).map(([lines, sep, paragraphs]) => `<div class="entry-content"><p>${lines.join(sep)}</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>`);

  it('header-block pages: no invented text, no consumed header line left in the body', () => {
    check('header-block adapter', fc.property(headerPage, (html) => {
      const url = 'https://someone.dreamwidth.org/1234.html';
      const { doc, run } = classify(html, url, false);
      expect(resultProblems(run.result)).toEqual([]);
      const story = run.result.story;
      const pageText = squash(blockText(doc.body).replace(/\n/g, ' '));
      doc.defaultView?.close();
      if (run.result.site !== 'header-block' || !story) return;
      for (const [label, value] of Object.entries(story.fields ?? {})) {
        expect(pageText).toContain(label);
        for (const part of value.split('\n')) expect(pageText).toContain(part);
      }
      for (const line of story.chapters[0]!.text.split('\n')) {
        const kv = parseKeyLine(line);
        const consumed = kv && story.fields?.[kv.label]?.split('\n').includes(kv.value);
        expect(consumed ? line : null, 'a header line the parser consumed is also in the body').toBeNull();
      }
    }));
  });
});

afterAll(() => {
  recordFigures('adapterFuzz', { seed: FUZZ_SEED, runsPerProperty: FUZZ_RUNS, boundMs: BOUND_MS, ...figures });
});
