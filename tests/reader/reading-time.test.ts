import { describe, expect, it } from 'vitest';
import { WORDS_PER_MINUTE, formatTimeLeft, minutesLeft, positionKey } from '../../utils/reader/reading-time';

describe('minutesLeft', () => {
  it('divides by 238 words per minute by default', () => {
    expect(WORDS_PER_MINUTE).toBe(238);
    expect(minutesLeft(2380)).toBe(10);
    expect(minutesLeft(119)).toBe(0.5);
  });

  it('uses a given reading speed', () => {
    expect(minutesLeft(3000, 300)).toBe(10);
  });

  it('never goes negative and survives nonsense input', () => {
    expect(minutesLeft(-50)).toBe(0);
    expect(minutesLeft(Number.NaN)).toBe(0);
    expect(minutesLeft(2380, 0)).toBe(10);
    expect(minutesLeft(2380, -5)).toBe(10);
  });
});

describe('formatTimeLeft', () => {
  it('says less than a minute under half a minute and at zero', () => {
    expect(formatTimeLeft(0)).toBe('less than a minute left');
    expect(formatTimeLeft(0.4)).toBe('less than a minute left');
    expect(formatTimeLeft(Number.NaN)).toBe('less than a minute left');
  });

  it('rounds to whole minutes under an hour', () => {
    expect(formatTimeLeft(0.6)).toBe('about 1 min left');
    expect(formatTimeLeft(12)).toBe('about 12 min left');
    expect(formatTimeLeft(12.4)).toBe('about 12 min left');
    expect(formatTimeLeft(59.4)).toBe('about 59 min left');
  });

  it('shows hours and minutes from an hour on', () => {
    expect(formatTimeLeft(59.6)).toBe('about 1 h left');
    expect(formatTimeLeft(65)).toBe('about 1 h 5 min left');
    expect(formatTimeLeft(125)).toBe('about 2 h 5 min left');
    expect(formatTimeLeft(180)).toBe('about 3 h left');
  });

  it('reads a real chapter: 5,000 words is about 21 minutes', () => {
    expect(formatTimeLeft(minutesLeft(5000))).toBe('about 21 min left');
  });
});

describe('positionKey', () => {
  it('is position:<story id>:<chapter index>', () => {
    expect(positionKey('ao3:17793689', 0)).toBe('position:ao3:17793689:0');
    expect(positionKey('efiction:example.org:12', 3)).toBe('position:efiction:example.org:12:3');
  });

  it('differs per chapter and per story', () => {
    expect(positionKey('ffnet:1', 1)).not.toBe(positionKey('ffnet:1', 2));
    expect(positionKey('ffnet:1', 1)).not.toBe(positionKey('ffnet:2', 1));
  });
});
