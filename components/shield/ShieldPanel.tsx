/** What the reader sees instead of a covered story: why, and what they can do about it. */
export interface SeenChoice {
  /** "Buffy S6E19 Seeing Red". */
  label: string;
}

export interface ShieldPanelProps {
  reasons: string[];
  seen: SeenChoice[];
  busy?: boolean;
  onShowOnce(): void;
  onAlwaysShow(): void;
  onSeen(index: number): void;
}

export function ShieldPanel({ reasons, seen, busy, onShowOnce, onAlwaysShow, onSeen }: ShieldPanelProps) {
  return (
    <section class="fs-shield" aria-labelledby="fs-shield-title">
      <h2 id="fs-shield-title">FicShelf covered this story</h2>
      <ul class="fs-reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div class="fs-actions">
        <button type="button" class="primary" data-ficshelf="reveal" onClick={onShowOnce}>
          Show once
        </button>
        <button type="button" data-action="always-show" disabled={busy} onClick={onAlwaysShow}>
          Always show this story
        </button>
        {seen.map((choice, index) => (
          <button type="button" key={choice.label} data-action="seen" disabled={busy} onClick={() => onSeen(index)}>
            I've seen {choice.label}
          </button>
        ))}
      </div>
    </section>
  );
}
