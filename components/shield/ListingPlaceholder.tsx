/** Stands in for a collapsed listing entry: why it is hidden, and a way to show it. */
export interface ListingPlaceholderProps {
  reasons: string[];
  onShow(): void;
}

export function ListingPlaceholder({ reasons, onShow }: ListingPlaceholderProps) {
  return (
    <div class="fs-placeholder" role="group" aria-label="Story hidden by FicShelf">
      <p>
        <strong>Hidden:</strong> {reasons.join(' · ')}
      </p>
      <button type="button" data-ficshelf="reveal" onClick={onShow}>
        Show
      </button>
    </div>
  );
}
