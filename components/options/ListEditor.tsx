import { useState } from 'preact/hooks';

/** "a, b\nc" → ["a", "b", "c"]: commas and line breaks separate entries; blanks are dropped. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((entry) => entry.replace(/\s+/g, ' ').trim())
    .filter((entry) => entry !== '');
}

/** The list with new entries appended; an entry already there (ignoring case) is not added twice. */
export function addEntries(list: string[], entries: string[]): string[] {
  const seen = new Set(list.map((entry) => entry.toLowerCase()));
  const next = [...list];
  for (const entry of entries) {
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    next.push(entry);
  }
  return next;
}

export interface ListEditorProps {
  /** Used for element ids and `data-list`. */
  id: string;
  label: string;
  hint?: string;
  items: string[];
  placeholder?: string;
  /** Said when the list is empty. */
  emptyText: string;
  onChange(items: string[]): void;
}

/**
 * An editable list of short entries (tags, author names): type and press Enter
 * (or Add), paste a comma- or line-separated list, remove entries one by one.
 */
export function ListEditor({ id, label, hint, items, placeholder, emptyText, onChange }: ListEditorProps) {
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const entries = splitEntries(text);
    if (entries.length > 0) onChange(addEntries(items, entries));
    setDraft('');
  };
  const onPaste = (e: ClipboardEvent) => {
    const pasted = e.clipboardData?.getData('text') ?? '';
    // A single pasted word just goes into the box; a list is added at once.
    if (!/[,\n\r]/.test(pasted)) return;
    e.preventDefault();
    add(`${draft},${pasted}`);
  };
  const inputId = `${id}-input`;
  return (
    <div class="field list-editor" data-list={id}>
      <label for={inputId} class="field-label">
        {label}
      </label>
      <div class="list-add">
        <input
          id={inputId}
          type="text"
          value={draft}
          placeholder={placeholder}
          autoComplete="off"
          spellcheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add(e.currentTarget.value);
          }}
          onPaste={onPaste}
        />
        <button type="button" class="secondary" data-action="add" onClick={() => add(draft)} disabled={draft.trim() === ''}>
          Add
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {items.length === 0 ? (
        <p class="empty-state list-empty">{emptyText}</p>
      ) : (
        <ul class="entry-list" aria-label={label}>
          {items.map((item) => (
            <li key={item} data-entry={item}>
              <span class="entry-text">{item}</span>
              <button
                type="button"
                class="entry-remove"
                aria-label={`Remove “${item}” from ${label.toLowerCase()}`}
                onClick={() => onChange(items.filter((other) => other !== item))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
