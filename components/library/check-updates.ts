/**
 * The library's request to the background: look for new chapters of these
 * saved stories and fetch them, politely throttled. The background (owned by
 * the saving work) answers it; utils/messages.ts should list it in `Message`.
 */
export interface CheckUpdatesMessage {
  type: 'ficshelf:check-updates';
  ids: string[];
}

export function checkUpdatesMessage(ids: string[]): CheckUpdatesMessage {
  return { type: 'ficshelf:check-updates', ids: [...new Set(ids)] };
}
