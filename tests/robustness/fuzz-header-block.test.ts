// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findHeaderBlock, headerStory, parseKeyLine } from '@/utils/metadata/header-block';
import { squash } from '@/utils/metadata/text';
import { FUZZ_RUNS, FUZZ_SEED, cpuMs, headerLines, recordFigures } from './generators';

/**
 * Property-based fuzz of the header parser: random "Label: value" lines,
 * prose, blank lines and junk. It never throws, never takes long, gives the
 * same answer twice, invents no text, and every line it consumed ends before the body.
 */

const BOUND_MS = 200;
const runs = { properties: 0, runs: 0, slowestCpuMs: 0 };

function check(name: string, property: fc.IPropertyWithHooks<any> | fc.IProperty<any>): void {
  console.log(`[robustness] ${name}: seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs`);
  fc.assert(property, { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
  runs.properties++;
  runs.runs += FUZZ_RUNS;
}

function timed<T>(fn: () => T): T {
  const c0 = cpuMs();
  const out = fn();
  const spent = cpuMs() - c0;
  runs.slowestCpuMs = Math.max(runs.slowestCpuMs, spent);
  expect(spent).toBeLessThan(BOUND_MS);
  return out;
}

describe('header-block parser under fuzz', () => {
  it('never throws, bounded time, same input gives the same output', () => {
    check('header parse idempotent', fc.property(headerLines, (lines) => {
      const first = timed(() => findHeaderBlock(lines));
      expect(findHeaderBlock([...lines])).toEqual(first);
      if (first) expect(headerStory(first.fields)).toEqual(headerStory(first.fields));
    }));
  });

  it('invents no text: every label and value is in the input', () => {
    check('header no invented text', fc.property(headerLines, (lines) => {
      const block = findHeaderBlock(lines);
      if (!block) return;
      const input = squash(lines.join(' '));
      for (const field of block.fields) {
        expect(input).toContain(field.label);
        expect(input).toContain(field.value);
      }
      const story = headerStory(block.fields);
      for (const text of [story.title, story.summary, story.disclaimer, ...story.authors.map((a) => a.name)])
        if (text !== undefined) expect(input).toContain(text);
    }));
  });

  it('the body starts after every consumed header line', () => {
    check('header body clean', fc.property(headerLines, (lines) => {
      const block = findHeaderBlock(lines);
      if (!block) return;
      for (const field of block.fields) {
        expect(field.line).toBeGreaterThanOrEqual(block.start);
        expect(field.line).toBeLessThan(block.end);
      }
      // The first body line is never itself a key line the parser would have taken.
      const next = lines.slice(block.end).find((l) => squash(l) !== '');
      if (next !== undefined && parseKeyLine(next)?.key !== 'other') expect(parseKeyLine(next)).toBeNull();
    }));
  });

  it('single lines: parseKeyLine never throws and keeps to the line', () => {
    const line = fc.oneof(fc.string({ maxLength: 200 }), headerLines.map((ls) => ls.join(' ')));
    check('key line', fc.property(line, (text) => {
      const kv = timed(() => parseKeyLine(text));
      if (kv) expect(squash(text)).toContain(kv.value);
    }));
  });
});

afterAll(() => {
  recordFigures('headerBlockFuzz', { seed: FUZZ_SEED, runsPerProperty: FUZZ_RUNS, ...runs, boundMs: BOUND_MS });
});
