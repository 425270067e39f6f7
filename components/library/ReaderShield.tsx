/**
 * Covers a saved story that the reader's spoiler or rating settings hide,
 * with the same hooks as the shield on story pages (design.md): the reasons as
 * JSON in data-reasons and a reveal button. The story text is not rendered
 * at all until the reader chooses to see it.
 */
export interface ReaderShieldProps {
  reasons: string[];
  busy?: boolean;
  onShowOnce(): void;
  onAlwaysShow(): void;
}

export function ReaderShield({ reasons, busy, onShowOnce, onAlwaysShow }: ReaderShieldProps) {
  return (
    <section class="fs-offline-shield" data-ficshelf="shield" data-reasons={JSON.stringify(reasons)} aria-labelledby="fs-shield-title">
      <h2 id="fs-shield-title" tabIndex={-1}>
        FicShelf covered this story
      </h2>
      <ul class="fs-shield-reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div class="fs-shield-actions">
        <button type="button" class="fs-button fs-primary" data-ficshelf="reveal" onClick={onShowOnce}>
          Show once
        </button>
        <button type="button" class="fs-button" data-action="always-show" disabled={busy} onClick={onAlwaysShow}>
          Always show this story
        </button>
      </div>
    </section>
  );
}
