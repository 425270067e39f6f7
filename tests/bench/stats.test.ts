import { describe, expect, it } from 'vitest';
import { caseResult, formatNumber, formatTable, median, meets, percentile, ratio, summarize } from '../../scripts/bench/stats';

describe('bench statistics', () => {
  it('takes the median of odd and even sample counts, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses an empty sample set rather than inventing a number', () => {
    expect(() => median([])).toThrow(/no samples/);
  });

  it('summarises and divides by the baseline', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ median: 2.5, p95: 10, min: 1, runs: 4 });
    expect(ratio(2, 8)).toBe(0.25);
    expect(ratio(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('judges each kind of target', () => {
    expect(meets({ median: 1, p95: 2, ratio: 0.25, target: { kind: 'ratio', max: 0.25 } })).toBe(true);
    expect(meets({ median: 1, p95: 2, ratio: 0.26, target: { kind: 'ratio', max: 0.25 } })).toBe(false);
    expect(meets({ median: 0.9, p95: 5, target: { kind: 'median', max: 1 } })).toBe(true);
    expect(meets({ median: 1, p95: 5, target: { kind: 'median', max: 1 } })).toBe(false);
    expect(meets({ median: 10, p95: 49.9, target: { kind: 'p95', max: 50 } })).toBe(true);
    expect(meets({ median: 10, p95: 50, target: { kind: 'p95', max: 50 } })).toBe(false);
    expect(meets({ median: 40, p95: 40, target: { kind: 'value', max: 40 } })).toBe(true);
    expect(meets({ median: 1, p95: 1 })).toBeUndefined();
  });

  it('builds a judged result with its baseline from raw samples', () => {
    const result = caseResult({ case: '1 extraction', name: 'ao3/x', target: { kind: 'ratio', max: 0.25 } }, [2, 2, 4], {
      name: 'Readability',
      samples: [10, 12, 8],
    });
    expect(result).toMatchObject({ median: 2, p95: 4, runs: 3, ratio: 0.2, pass: true, unit: 'ms' });
    expect(result.baseline).toEqual({ name: 'Readability', median: 10, p95: 12 });
  });
});

describe('bench table', () => {
  it('formats numbers to about three significant figures', () => {
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(0.012345)).toBe('0.012');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(undefined)).toBe('');
  });

  const rows = [
    caseResult({ case: '2 not-a-story', name: 'ao3/error-404', target: { kind: 'median', max: 1 } }, [0.5, 0.4, 0.6], {
      name: 'DOM walk',
      samples: [0.1, 0.1, 0.1],
    }),
    caseResult({ case: '5 library', name: 'search "x"', target: { kind: 'p95', max: 50 } }, [60, 70, 80]),
  ];

  it('aligns columns and marks pass and FAIL', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^case\s+name\s+median\s+p95\s+baseline/);
    expect(lines[1]).toContain('0.50 ms');
    expect(lines[1]).toContain('5.00×');
    expect(lines[1]).toMatch(/pass$/);
    expect(lines[2]).toMatch(/p95 < 50 ms\s+FAIL$/);
    // Every row starts its "median" column at the same offset.
    const at = lines[0]!.indexOf('median');
    expect(lines[1]!.slice(at).startsWith('0.50 ms')).toBe(true);
  });

  it('gives the same rows as a Markdown table', () => {
    const lines = formatTable(rows, { markdown: true }).split('\n');
    expect(lines[0]).toBe('| case | name | median | p95 | baseline | base med | ratio | target | ok |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(lines[3]).toContain('| FAIL |');
  });
});
