/**
 * The early content script keeps story containers invisible until the page is
 * judged (entrypoints/early.content.ts). This attribute on <html> says the
 * filters have decided and applied their verdict, so the early rule lets go.
 */
export const READY_ATTRIBUTE = 'data-ficshelf-filtered';

export function markFiltered(doc: Document, how = 'done'): void {
  doc.documentElement.setAttribute(READY_ATTRIBUTE, how);
}
