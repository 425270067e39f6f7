// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import early from '@/entrypoints/early.content';
import { FAIL_OPEN_MS } from '@/entrypoints/page.content/shield/early-hide';
import { markFiltered } from '@/entrypoints/page.content/shield/ready';

const filtered = () => document.documentElement.getAttribute('data-ficshelf-filtered');

beforeEach(() => {
  vi.useFakeTimers();
  document.documentElement.removeAttribute('data-ficshelf-filtered');
  document.querySelectorAll('style[data-ficshelf="early-hide"]').forEach((s) => s.remove());
  document.body.innerHTML = '<div id="workskin"><div id="chapters"><p>Spike came back with a soul.</p></div></div>';
});
afterEach(() => vi.useRealTimers());

describe('the early content script (document_start)', () => {
  it('runs at document_start on the known story sites', () => {
    expect(early.runAt).toBe('document_start');
    expect(early.matches).toContain('*://archiveofourown.org/*');
  });

  it('adds the hiding style at once, and fails open when the filters never answer', () => {
    early.main({} as never);
    const style = document.querySelector('style[data-ficshelf="early-hide"]');
    expect(style?.textContent).toContain('#workskin');
    expect(filtered()).toBeNull();
    expect(getComputedStyle(document.getElementById('workskin')!).visibility).toBe('hidden');
    vi.advanceTimersByTime(FAIL_OPEN_MS - 1);
    expect(filtered()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(filtered()).toBe('timeout');
    expect(getComputedStyle(document.getElementById('workskin')!).visibility).toBe('visible');
  });

  it('lets a page the detector calls "none" show at once', () => {
    early.main({} as never);
    document.documentElement.dataset.ficshelf = 'none';
    expect(getComputedStyle(document.getElementById('workskin')!).visibility).toBe('visible');
    delete document.documentElement.dataset.ficshelf;
  });

  it('keeps the filters\' own mark when they answer in time', () => {
    early.main({} as never);
    document.documentElement.dataset.ficshelf = 'story';
    expect(getComputedStyle(document.getElementById('workskin')!).visibility).toBe('hidden');
    markFiltered(document);
    expect(getComputedStyle(document.getElementById('workskin')!).visibility).toBe('visible');
    vi.advanceTimersByTime(FAIL_OPEN_MS * 2);
    expect(filtered()).toBe('done');
    delete document.documentElement.dataset.ficshelf;
  });
});
