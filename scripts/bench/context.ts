import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CaseResult } from './stats';
import type { BenchPage } from './pages';
import type { ChromiumSession } from '../../tests/e2e/harness';

/** What every case gets from the runner. */
export interface BenchContext {
  quick: boolean;
  /** Samples per measurement after warm-up. */
  runs: number;
  warmup: number;
  /** Library size for case 5. */
  stories: number;
  outDir: string;
  /** Module-size records written by the bench build (one JSON line per chunk). */
  statsFile: string;
  /** A plain Chromium (no extension) whose every http(s) request is answered from the routes. */
  plain: () => Promise<PlainBrowser>;
  /** Chromium with the built extension loaded (the e2e harness), shared by cases 5 and 6. */
  extension: () => Promise<ChromiumSession>;
  log(message: string): void;
}

export interface PlainBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Opens a fixture at its URL with a probe bundle evaluated in the page. */
  open(page: BenchPage, probe: string): Promise<Page>;
}

export type BenchCase = (context: BenchContext) => Promise<CaseResult[]>;
