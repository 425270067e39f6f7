/**
 * `npm run reliability:report`: writes docs/reliability.md (issue 7) from the
 * figures the tests recorded in .bench/:
 *   .bench/reliability-data/<section>.json  data safety (tests/reliability, tests/e2e/data-safety), merged here
 *                                           into .bench/reliability-data.json
 *   .bench/reliability-xss.json             hostile-content corpus (when present)
 *   .bench/reliability-fuzz.json            broken pages and fuzzing (when present)
 * Exits 1 when a record was lost, a vector executed, or there is no data-safety data.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const SECTIONS_DIR = path.join(BENCH, 'reliability-data');
const MERGED = path.join(BENCH, 'reliability-data.json');
const XSS = path.join(BENCH, 'reliability-xss.json');
const FUZZ = path.join(BENCH, 'reliability-fuzz.json');
const DOC = path.join(ROOT, 'docs', 'reliability.md');

interface SafetySection {
  section: string;
  at: string;
  what: string;
  faultsInjected: number;
  killPoints?: string[];
  recordsChecked: number;
  recordsLost: number;
}

type Json = Record<string, unknown>;

function readJson(file: string): Json | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (error) {
    throw new Error(`${path.relative(ROOT, file)} is not valid JSON: ${(error as Error).message}`);
  }
}

function safetySections(): SafetySection[] {
  if (!existsSync(SECTIONS_DIR)) return [];
  return readdirSync(SECTIONS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson(path.join(SECTIONS_DIR, name)) as unknown as SafetySection);
}

/** Every numeric field under `value`, with its dotted path (the other engineers' files have their own shapes). */
function numbers(value: unknown, prefix = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[prefix, value]];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Json).flatMap(([key, inner]) => numbers(inner, prefix ? `${prefix}.${key}` : key));
}

/** Sum of the numeric fields whose own name matches `name`. */
function sumOf(data: Json | null, name: RegExp): number | null {
  if (!data) return null;
  const found = numbers(data).filter(([key]) => name.test(key.split('.').pop()!));
  return found.length ? found.reduce((sum, [, n]) => sum + n, 0) : null;
}

function maxOf(data: Json | null, name: RegExp): number | null {
  if (!data) return null;
  const found = numbers(data).filter(([key]) => name.test(key.split('.').pop()!));
  return found.length ? Math.max(...found.map(([, n]) => n)) : null;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const shown = (n: number | null, absent: string) => (n === null ? absent : n.toLocaleString('en-GB'));

/**
 * How many points each fixture is cut at (tests/robustness/fixture-mutations):
 * byte cuts (a fresh parse each, so few) and tree cuts (the parsed page cut
 * after its k-th node, so many), as the run that wrote the figures set them.
 */
function cutPointsPerPage(fuzz: Json | null): string | null {
  const section = fuzz?.fixtureMutations as Json | undefined;
  if (typeof section?.cutsPerPage !== 'number') return null;
  const tree = typeof section.treeCutsPerPage === 'number' ? section.treeCutsPerPage : 0;
  return `${section.cutsPerPage + tree} (${section.cutsPerPage} byte cuts, ${tree} tree cuts)`;
}

function otherFileSection(title: string, file: string, data: Json | null): string[] {
  const name = path.relative(ROOT, file);
  if (!data) return [`## ${title}`, '', `No figures yet: ${name} was not written by this run.`, ''];
  const lines = [`## ${title}`, '', `From \`${name}\` (every number it records):`, '', '| Figure | Value |', '| --- | ---: |'];
  for (const [key, value] of numbers(data)) lines.push(`| ${key} | ${value.toLocaleString('en-GB')} |`);
  return [...lines, ''];
}

function report(): { markdown: string; failures: string[] } {
  const sections = safetySections();
  const xss = readJson(XSS);
  const fuzz = readJson(FUZZ);
  const failures: string[] = [];
  if (sections.length === 0) failures.push('no data-safety figures in .bench/reliability-data/ (run the tests first)');

  const faults = sum(sections.map((s) => s.faultsInjected));
  const lost = sum(sections.map((s) => s.recordsLost));
  const checked = sum(sections.map((s) => s.recordsChecked));
  const killPoints = sum(sections.map((s) => s.killPoints?.length ?? 0));
  // The unit and browser runs try the same corpus: the vectors tried is the larger count, not their sum.
  const vectors = maxOf(xss, /^vectors$/i);
  const executed = sumOf(xss, /^(executed|executions)/i);
  const pagesFuzzed = sumOf(fuzz, /^pages$/i);
  const fuzzRuns = sumOf(fuzz, /^(runs|numRuns|variants|cases)$/i);
  const cutsPerPage = cutPointsPerPage(fuzz);
  if (lost > 0) failures.push(`${lost} records lost or mixed`);
  if (executed !== null && executed > 0) failures.push(`${executed} hostile vectors executed`);

  const dates = [...sections.map((s) => s.at), String(xss?.at ?? ''), String(fuzz?.recordedAt ?? '')].filter(Boolean).sort();
  const lines = [
    '# Reliability',
    '',
    '<!-- Written by scripts/reliability-report.ts from .bench/ (npm run reliability:report); do not edit by hand. -->',
    '',
    `Figures from the test run of ${dates.length ? dates[dates.length - 1]!.slice(0, 10) : 'an unknown date'} (issue 7).`,
    '',
    '| Figure | Value |',
    '| --- | ---: |',
    `| Hostile vectors tried | ${shown(vectors, 'not recorded')} |`,
    `| Hostile vectors executed (must be 0) | ${shown(executed, 'not recorded')} |`,
    `| Pages fuzzed | ${shown(pagesFuzzed, 'not recorded')} |`,
    ...(cutsPerPage === null ? [] : [`| Cut points per fixture page in this run | ${cutsPerPage} |`]),
    ...(fuzzRuns === null ? [] : [`| Fuzz variants and runs | ${shown(fuzzRuns, '')} |`]),
    `| Data-safety faults injected | ${faults.toLocaleString('en-GB')} |`,
    `| Kill points and interleavings | ${killPoints.toLocaleString('en-GB')} |`,
    `| Stories checked field by field afterwards | ${checked.toLocaleString('en-GB')} |`,
    `| Records lost or mixed (must be 0) | ${lost} |`,
    '',
    '## Data safety',
    '',
    'Each fault is followed by a check of the library through IndexedDB: the old copy exactly, or the new one whole, never a mix.',
    '',
  ];
  for (const s of sections) {
    lines.push(`### ${s.section}`, '', `${s.what}.`, '', `Faults injected: ${s.faultsInjected}; stories checked: ${s.recordsChecked}; lost or mixed: ${s.recordsLost}.`, '');
    if (s.killPoints?.length) lines.push(...s.killPoints.map((point) => `- ${point}`), '');
  }
  lines.push(...otherFileSection('Hostile content', XSS, xss), ...otherFileSection('Broken pages and fuzzing', FUZZ, fuzz));
  lines.push(
    '## How to reproduce',
    '',
    '```sh',
    'npm test                      # everything; ends with this report when the figures exist',
    '# or only these parts:',
    'npx vitest run tests/reliability',
    'npx vitest run tests/robustness   # broken pages and fuzzing at CI size (cut points per page: see the table);',
    '# FICSHELF_BIG_MB=20 FICSHELF_FUZZ_CUTS=20 FICSHELF_TREE_CUTS=100 FICSHELF_FUZZ_RUNS=5000 for the full sizes',
    'export FICSHELF_OUT_DIR=/tmp/ficshelf-out && npx wxt build && npx wxt build -b firefox',
    'npx vitest run --config vitest.e2e.config.ts tests/e2e/data-safety.e2e.test.ts',
    'npm run reliability:report    # writes .bench/reliability-data.json and this file',
    '```',
    '',
  );
  return { markdown: lines.join('\n'), failures };
}

const { markdown, failures } = report();
mkdirSync(BENCH, { recursive: true });
writeFileSync(MERGED, `${JSON.stringify({ writtenAt: new Date().toISOString(), sections: safetySections() }, null, 2)}\n`);
mkdirSync(path.dirname(DOC), { recursive: true });
writeFileSync(DOC, markdown);
console.log(`Wrote ${path.relative(ROOT, DOC)} and ${path.relative(ROOT, MERGED)}.`);
if (failures.length) {
  console.error(`Reliability report: ${failures.join('; ')}`);
  process.exit(1);
}
