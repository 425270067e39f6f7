/**
 * Writes utils/fandoms/hint-starts.ts: the literal starts of every canon hint
 * of every guide, read ahead of time so that a page does not read them on its
 * first read. Run after changing a guide's hints: npm run hint-starts
 * (tests/fandoms/hint-starts.test.ts fails until the table is current).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_GUIDES } from '../utils/fandoms/all-guides';
import { literalStarts } from '../utils/metadata/hint-scan';
import { hashString } from '../utils/metadata/text';

const table: Record<string, string[] | null> = {};
for (const guide of ALL_GUIDES) {
  for (const hint of guide.hints ?? []) table[hashString(hint.pattern)] = literalStarts(hint.pattern);
}
const lines = Object.entries(table).map(([key, starts]) => `  ${JSON.stringify(key)}: ${JSON.stringify(starts)},`);
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'utils', 'fandoms', 'hint-starts.ts');
writeFileSync(
  file,
  [
    '// Written by `npm run hint-starts` (scripts/hint-starts.ts) from the guides\' canon hints: do not edit.',
    '// Each hint\'s literal starts (utils/metadata/hint-scan.ts literalStarts), by a hash of its pattern.',
    'export const HINT_STARTS: Readonly<Record<string, readonly string[] | null>> = {',
    ...lines,
    '};',
    '',
  ].join('\n'),
);
console.log(`${Object.keys(table).length} hints' starts written to ${path.relative(process.cwd(), file)}`);
