import type { BenchCase } from '../context';
import { extractionCase } from './extraction';
import { detectionCase } from './detection';
import { listingCase } from './listing';
import { injectedCase } from './injected';
import { libraryCase } from './library';
import { readerCase } from './reader';

/** The six cases of issue 6, in the order they run (cheap ones first). */
export const CASES: Array<[number, string, BenchCase]> = [
  [4, 'injected code', injectedCase],
  [1, 'extraction vs Readability', extractionCase],
  [2, 'cost on pages that are not stories', detectionCase],
  [3, 'listing filter', listingCase],
  [6, 'reader mode', readerCase],
  [5, 'library at scale', libraryCase],
];
