import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';

/**
 * The data-safety figures a test measured, for docs/reliability.md.
 * Each test file writes its own section file (test files run in parallel, so
 * one shared file would race); scripts/reliability-report.ts merges them into
 * .bench/reliability-data.json and the report.
 */
export interface SafetySection {
  /** What was tried, in a sentence. */
  what: string;
  /** Faults injected: kills, aborted transactions, quota errors, interleavings, bad answers. */
  faultsInjected: number;
  /** Named points where a fault struck (kill points, interleavings). */
  killPoints?: string[];
  /** Stories checked field by field afterwards. */
  recordsChecked: number;
  /** Stories (or chapters) found lost or mixed afterwards: must be 0. */
  recordsLost: number;
}

export const SAFETY_DIR = path.join(ROOT, '.bench', 'reliability-data');

export function recordSafety(section: string, data: SafetySection): void {
  mkdirSync(SAFETY_DIR, { recursive: true });
  const file = path.join(SAFETY_DIR, `${section}.json`);
  writeFileSync(file, `${JSON.stringify({ section, at: new Date().toISOString(), ...data }, null, 2)}\n`);
}
