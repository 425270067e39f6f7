/**
 * What an import did, story by story. The backup module's report names ids
 * (and titles where it has them); this view accepts either, so nothing the
 * import said is left out.
 */
export interface ReportLike {
  added?: unknown[];
  updated?: unknown[];
  kept?: unknown[];
  rejected?: unknown[];
  /** Whether the backup's settings replaced the ones here. */
  settingsRestored?: boolean;
}

type Entry = { label: string; reason?: string };

function entryOf(value: unknown): Entry {
  if (typeof value === 'string') return { label: value };
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const name = [v.title, v.id].find((x) => typeof x === 'string' && x) as string | undefined;
    const chapter = typeof v.index === 'number' ? `chapter ${v.index}` : '';
    const label = [name, chapter].filter(Boolean).join(', ') || 'An entry without an id';
    return { label, reason: typeof v.reason === 'string' ? v.reason : undefined };
  }
  return { label: String(value) };
}

const GROUPS = [
  { key: 'added', title: 'Added' },
  { key: 'updated', title: 'Updated (the backup was newer)' },
  { key: 'kept', title: 'Kept as they were (your copy was as new or newer)' },
  { key: 'rejected', title: 'Not imported' },
] as const;

export function importSummary(report: ReportLike): string {
  const n = (list?: unknown[]) => list?.length ?? 0;
  const parts = [`${n(report.added)} added`, `${n(report.updated)} updated`, `${n(report.kept)} kept`];
  const rejected = n(report.rejected);
  const refused = rejected === 0 ? '' : `, ${rejected} ${rejected === 1 ? 'entry' : 'entries'} not imported`;
  return `Import finished: ${parts.join(', ')}${refused}.`;
}

export function ImportReportView({ report, onClose, heading: Heading = 'h3' }: { report: ReportLike; onClose(): void; heading?: 'h2' | 'h3' }) {
  return (
    <section class="import-report" data-ficshelf="import-report" aria-labelledby="import-report-heading">
      <Heading id="import-report-heading" tabIndex={-1}>
        {importSummary(report)}
      </Heading>
      {report.settingsRestored && <p data-field="settings-restored">Your settings from the backup are in use now.</p>}
      {GROUPS.map(({ key, title }) => {
        const list = (report[key] ?? []).map(entryOf);
        if (list.length === 0) return null;
        return (
          <details class={`report-group report-${key}`} data-group={key} open={key === 'rejected'}>
            <summary>
              {title}: {list.length}
            </summary>
            <ul>
              {list.map((e) => (
                <li>
                  {e.label}
                  {e.reason && <span class="report-reason"> — {e.reason}</span>}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      <button type="button" class="secondary" data-action="close-report" onClick={onClose}>
        Close report
      </button>
    </section>
  );
}
