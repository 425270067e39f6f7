import { isLibraryError } from '@/utils/library/types';

/**
 * A failure as one sentence a reader can act on. The library's own errors are
 * already written for the reader; anything else says what failed and why.
 */
export function problemSentence(error: unknown, what: string): string {
  if (isLibraryError(error)) return error.message;
  if (error instanceof DOMException && error.name === 'QuotaExceededError')
    return 'Your browser has no room left for more stories. Nothing was changed.';
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const reason = detail.trim().replace(/[.\s]+$/, '');
  return reason ? `${what}: ${reason}.` : `${what}.`;
}
