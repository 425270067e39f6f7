/**
 * The XSS figures (.bench/reliability-xss.json) that docs/reliability.md
 * quotes. Each suite (unit pipeline, e2e) owns one section and merges it in,
 * so running one suite does not erase the other's figures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';

export const XSS_FIGURES = path.join(ROOT, '.bench', 'reliability-xss.json');

export function recordXssFigures(section: string, figures: Record<string, unknown>): void {
  mkdirSync(path.dirname(XSS_FIGURES), { recursive: true });
  let all: Record<string, unknown> = {};
  if (existsSync(XSS_FIGURES)) {
    try {
      all = JSON.parse(readFileSync(XSS_FIGURES, 'utf8'));
    } catch {
      all = {};
    }
  }
  all[section] = { ...figures, at: new Date().toISOString() };
  writeFileSync(XSS_FIGURES, `${JSON.stringify(all, null, 2)}\n`);
}
