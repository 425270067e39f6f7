/**
 * Time-left estimate and reading-position keys. Pure.
 * 238 words per minute is the average silent reading rate for English
 * fiction (Brysbaert 2019).
 */
export const WORDS_PER_MINUTE = 238;

/** Minutes (fractional, never negative) to read `wordsLeft` words. */
export function minutesLeft(wordsLeft: number, wpm: number = WORDS_PER_MINUTE): number {
  const rate = Number.isFinite(wpm) && wpm > 0 ? wpm : WORDS_PER_MINUTE;
  const words = Number.isFinite(wordsLeft) ? Math.max(0, wordsLeft) : 0;
  return words / rate;
}

/** "less than a minute left", "about 12 min left", "about 1 h 5 min left". */
export function formatTimeLeft(minutes: number): string {
  const whole = Number.isFinite(minutes) ? Math.round(minutes) : 0;
  if (whole < 1) return 'less than a minute left';
  if (whole < 60) return `about ${whole} min left`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/** Storage key of the remembered reading position of one chapter. */
export function positionKey(storyId: string, chapterIndex: number): string {
  return `position:${storyId}:${chapterIndex}`;
}
