import type { Ref } from 'preact';
import type { Chapter } from '@/utils/story';

export interface ChapterChoice {
  index: number;
  label: string;
  /** False when the page neither holds the chapter's text nor links to it. */
  reachable: boolean;
}

export interface ReaderToolbarProps {
  chapters: ChapterChoice[];
  current: number;
  hasPrev: boolean;
  hasNext: boolean;
  /** 0–1 of the current chapter read. */
  progress: number;
  timeLeft: string;
  host: string;
  alwaysOn: boolean;
  menuRef?: Ref<HTMLSelectElement>;
  onPrev(): void;
  onNext(): void;
  onChoose(index: number): void;
  onAlwaysOn(on: boolean): void;
  onSettings?(): void;
  onClose(): void;
}

export function chapterChoices(chapters: Chapter[], reachable: (c: Chapter) => boolean, label: (c: Chapter) => string): ChapterChoice[] {
  return chapters.map((c) => ({ index: c.index, label: label(c), reachable: reachable(c) }));
}

/**
 * The reader's controls. Every control says what it does in words (and its
 * key), so nothing depends on an icon or a colour; the bar wraps at any zoom.
 */
export function ReaderToolbar(props: ReaderToolbarProps) {
  const percent = Math.round(props.progress * 100);
  return (
    <div class="fs-bar">
      <div
        class="fs-progress"
        role="progressbar"
        aria-label="Read of this chapter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% read, ${props.timeLeft}`}
      >
        <div class="fs-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <nav class="fs-toolbar" aria-label="Reader mode">
        <button type="button" class="fs-button fs-close" data-action="close" onClick={props.onClose} aria-keyshortcuts="Escape">
          Leave reader <kbd>Esc</kbd>
        </button>
        {props.chapters.length > 1 && (
          <div class="fs-chapters">
            <button type="button" class="fs-button" data-action="prev" disabled={!props.hasPrev} onClick={props.onPrev} aria-keyshortcuts="ArrowLeft [">
              <span aria-hidden="true">← </span>Previous
            </button>
            <label class="fs-menu-label">
              <span class="fs-visually-hidden">Chapter (key C)</span>
              <select
                class="fs-menu"
                data-action="chapters"
                ref={props.menuRef}
                value={String(props.current)}
                aria-keyshortcuts="C"
                onChange={(event) => props.onChoose(Number((event.currentTarget as HTMLSelectElement).value))}
              >
                {props.chapters.map((c) => (
                  <option value={String(c.index)} disabled={!c.reachable && c.index !== props.current}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="fs-button" data-action="next" disabled={!props.hasNext} onClick={props.onNext} aria-keyshortcuts="ArrowRight ]">
              Next<span aria-hidden="true"> →</span>
            </button>
          </div>
        )}
        <span class="fs-time-left" data-field="time-left">
          {props.timeLeft}
        </span>
        <label class="fs-always">
          <input type="checkbox" data-action="always-on" checked={props.alwaysOn} onChange={(event) => props.onAlwaysOn((event.currentTarget as HTMLInputElement).checked)} />
          Always use reader mode on {props.host}
        </label>
        {props.onSettings && (
          <button type="button" class="fs-button" data-action="settings" onClick={props.onSettings}>
            Reader settings
          </button>
        )}
      </nav>
    </div>
  );
}
