import { useEffect, useState } from 'preact/hooks';
import type { LibraryStats } from '@/utils/library/types';
import { formatBytes } from './format';

/** How much the library takes, and how much room the browser gives the extension (when it says). */
export function StorageUsed({ stats }: { stats: LibraryStats }) {
  const [estimate, setEstimate] = useState<{ usage?: number; quota?: number } | null>(null);
  useEffect(() => {
    navigator.storage?.estimate?.().then(setEstimate, () => setEstimate(null));
  }, []);
  const room = estimate?.quota ? ` · ${formatBytes(estimate.usage ?? 0)} of ${formatBytes(estimate.quota)} used in this browser` : '';
  return (
    <p class="storage-used" data-field="storage">
      {stats.count} {stats.count === 1 ? 'story' : 'stories'} · {formatBytes(stats.bytes)}
      {room}
    </p>
  );
}
