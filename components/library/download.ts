/**
 * Hands a file to the browser's downloads through an object URL. Extension
 * pages may do this without the downloads permission.
 */
export function downloadFile(data: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(data);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL can go after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "ficshelf-backup-2026-11-21.json" */
export function backupFileName(now = new Date()): string {
  return `ficshelf-backup-${now.toISOString().slice(0, 10)}.json`;
}
