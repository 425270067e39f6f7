// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ALL_GUIDES } from '@/utils/fandoms/all-guides';
import { literalStarts } from '@/utils/metadata/hint-scan';

describe('canon hints’ starts read ahead of time (utils/fandoms/hint-starts.ts)', () => {
  it('holds, for every hint of every guide, the starts the hint reads itself (else run `npm run hint-starts`)', () => {
    let hints = 0;
    for (const guide of ALL_GUIDES) {
      for (const hint of guide.hints ?? []) {
        expect(hint.starts, `${guide.fandom}: ${hint.pattern}`).toEqual(literalStarts(hint.pattern));
        hints++;
      }
    }
    expect(hints).toBeGreaterThan(200);
  });
});
