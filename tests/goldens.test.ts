// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyPage } from '@/utils/sites';
import { generic } from '@/utils/sites/generic';
import { GOLDENS, goldenFiles, loadPage } from './helpers/fixtures';
import { compareGolden } from './helpers/golden-match';

/** Every golden, grouped by folder. */
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
