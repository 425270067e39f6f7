// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { domFromBytes, isUtf8 } from '../scripts/lib/page-bytes';

describe('reading saved page bytes', () => {
  const text = '<p>She said “hello” — twice.</p>';
  const bytes = Buffer.from(text, 'utf8');

  it('takes a page cut in the middle of a character as UTF-8 still', () => {
    expect(isUtf8(bytes)).toBe(true);
    for (let cut = 1; cut <= 3; cut++) expect(isUtf8(bytes.subarray(0, bytes.indexOf('”') + cut))).toBe(true);
  });

  it('does not take windows-1252 bytes for UTF-8', () => {
    expect(isUtf8(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x68, 0x69, 0x94]))).toBe(false);
  });

  it('decodes a cut UTF-8 page without garbling the text before the cut', () => {
    const cut = bytes.subarray(0, bytes.indexOf('—') + 1);
    const doc = domFromBytes(cut, 'https://example.org/').window.document;
    expect(doc.body.textContent).toContain('She said “hello”');
  });
});
