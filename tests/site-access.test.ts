import { describe, expect, it } from 'vitest';
import { isKnownStoryHost, originPattern } from '@/utils/site-access';

describe('site access', () => {
  it('knows the story sites it runs on from install', () => {
    expect(isKnownStoryHost('archiveofourown.org')).toBe(true);
    expect(isKnownStoryHost('www.fanfiction.net')).toBe(true);
    expect(isKnownStoryHost('m.fanfiction.net')).toBe(true);
    expect(isKnownStoryHost('fanfiction.net')).toBe(true);
    expect(isKnownStoryHost('someone.livejournal.com')).toBe(true);
    expect(isKnownStoryHost('hpfanficarchive.com')).toBe(true);
  });
  it('does not mistake look-alike hosts for known ones', () => {
    expect(isKnownStoryHost('archiveofourown.org.evil.example')).toBe(false);
    expect(isKnownStoryHost('notfanfiction.net')).toBe(false);
    expect(isKnownStoryHost('example.org')).toBe(false);
  });
  it('asks for one origin at a time, never for browser pages', () => {
    expect(originPattern('https://www.example.org/fic/1.html?x=1')).toBe('https://www.example.org/*');
    expect(originPattern('chrome://extensions')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
