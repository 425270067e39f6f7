import { describe, expect, it } from 'vitest';
import { wrappedFocus } from '@/entrypoints/page.content/reader/keyboard';

describe('wrappedFocus (Tab stays inside reader mode)', () => {
  const controls = ['close', 'prev', 'menu', 'next'];

  it('goes round from the last control forwards and the first backwards', () => {
    expect(wrappedFocus(controls, 'next', false)).toBe('close');
    expect(wrappedFocus(controls, 'close', true)).toBe('next');
  });

  it('leaves moves between controls to the browser', () => {
    expect(wrappedFocus(controls, 'prev', false)).toBeNull();
    expect(wrappedFocus(controls, 'menu', true)).toBeNull();
    expect(wrappedFocus(controls, 'close', false)).toBeNull();
  });

  it('brings focus from outside the reader to its first or last control', () => {
    expect(wrappedFocus(controls, null, false)).toBe('close');
    expect(wrappedFocus(controls, null, true)).toBe('next');
  });

  it('does nothing with no controls or an unknown focused element', () => {
    expect(wrappedFocus([], null, false)).toBeNull();
    expect(wrappedFocus(controls, 'heading', false)).toBeNull();
  });
});
