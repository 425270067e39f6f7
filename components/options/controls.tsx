import type { ComponentChildren, CSSProperties } from 'preact';
import { useState } from 'preact/hooks';

/** Rounds to the step's precision, so a slider never stores 1.6500000000000001. */
export function snap(value: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export interface RangeFieldProps {
  id: string;
  label: string;
  /** Said after the number ("px", "× the text size"); also names the number box for screen readers. */
  unit: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
}

/**
 * A slider with its value beside it in a number box that can be typed in.
 * Typing keeps its own draft so "1" on the way to "18" is not clamped to the
 * minimum mid-word; the value is clamped when the box is left or Enter pressed.
 */
export function RangeField({ id, label, unit, value, min, max, step, onChange }: RangeFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (text: string) => {
    setDraft(null);
    const n = Number(text.replace(',', '.'));
    if (text.trim() !== '' && Number.isFinite(n)) onChange(snap(clamp(n, min, max), step));
  };
  const onTyping = (text: string) => {
    setDraft(text);
    const n = Number(text.replace(',', '.'));
    if (text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) onChange(snap(n, step));
  };
  return (
    <div class="field range-field" data-setting={id}>
      <label for={`${id}-range`} class="field-label">
        {label}
      </label>
      <div class="range-row">
        <input
          id={`${id}-range`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-valuetext={`${value} ${unit}`}
          onInput={(e) => onChange(snap(Number(e.currentTarget.value), step))}
        />
        <span class="range-value">
          <input
            id={`${id}-number`}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            value={draft ?? String(value)}
            aria-label={`${label}, ${unit}`}
            onInput={(e) => onTyping(e.currentTarget.value)}
            onChange={(e) => commit(e.currentTarget.value)}
            onBlur={(e) => draft !== null && commit(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
          />
          <span class="unit" aria-hidden="true">
            {unit}
          </span>
        </span>
      </div>
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** A second line under the label. */
  hint?: string;
  /** Shown inside the option, before the label (a font sample, a colour swatch). */
  sample?: ComponentChildren;
  sampleStyle?: CSSProperties;
}

export interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  value: T;
  choices: Choice<T>[];
  onChange(value: T): void;
  /** "cards" lays the options out as a grid of boxes (theme, font); "inline" as a row. */
  layout?: 'cards' | 'inline';
  children?: ComponentChildren;
}

/** One choice among a few, as native radio buttons (arrow keys move between them). */
export function ChoiceGroup<T extends string>({ name, legend, value, choices, onChange, layout = 'inline', children }: ChoiceGroupProps<T>) {
  return (
    <fieldset class={`field choice-group choice-${layout}`} data-setting={name}>
      <legend class="field-label">{legend}</legend>
      <div class="choices">
        {choices.map((choice) => (
          <label class="choice" key={choice.value} data-value={choice.value} data-checked={choice.value === value ? '' : undefined}>
            <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
            {choice.sample !== undefined && (
              <span class="choice-sample" aria-hidden="true" style={choice.sampleStyle}>
                {choice.sample}
              </span>
            )}
            <span class="choice-text">
              <span class="choice-label">{choice.label}</span>
              {choice.hint && <span class="choice-hint">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

export function Toggle({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div class="field toggle" data-setting={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
