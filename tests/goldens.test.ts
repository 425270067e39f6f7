// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { classifyPage } from '@/utils/sites';
import { generic } from '@/utils/sites/generic';
import { ROOT, loadPage } from './helpers/fixtures';
import { compareGolden } from './helpers/golden-match';

/** Every golden under tests/goldens, grouped by folder: the corpus that pins extraction. */
const GOLDENS = path.join(ROOT, 'tests', 'goldens');

function goldenFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return goldenFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

const files = goldenFiles(GOLDENS);
const byFolder = new Map<string, string[]>();
for (const f of files) {
  const folder = path.relative(GOLDENS, path.dirname(f));
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
}

for (const [folder, list] of byFolder) {
  describe(`goldens: ${folder}`, () => {
    for (const file of list) {
      const golden = JSON.parse(readFileSync(file, 'utf8'));
      it(path.basename(file, '.json'), () => {
        const doc = loadPage(golden.fixture, golden.url);
        const result = classifyPage(doc, golden.url, { generic: golden.generic === true ? generic : undefined });
        expect(compareGolden(golden, result)).toEqual([]);
      });
    }
  });
}

it('has goldens', () => {
  expect(files.length).toBeGreaterThan(0);
});
