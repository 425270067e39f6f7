import type { ComponentChildren } from 'preact';
import { DEFAULT_SETTINGS, LIMITS, type FontChoice, type ReaderSettings, type ThemeChoice } from '@/utils/settings';
import { THEMES, type ThemeName } from '@/utils/reader/themes';
import { fontStack } from '@/utils/reader/css';
import { ChoiceGroup, RangeField, Toggle, type Choice } from './controls';
import { ReaderPreview } from './ReaderPreview';

type ReaderChange = (change: (current: ReaderSettings) => ReaderSettings) => void;

/** The look of reader mode; "Reset to defaults" restores these and leaves the site list and remembered notes state alone. */
const LOOK_KEYS = ['font', 'customFont', 'fontSize', 'lineHeight', 'width', 'theme', 'align', 'hyphenate', 'paragraphs', 'letterSpacing', 'wordSpacing'] as const;

export function resetLook(current: ReaderSettings): ReaderSettings {
  const next = { ...current };
  for (const key of LOOK_KEYS) (next as Record<string, unknown>)[key] = DEFAULT_SETTINGS.reader[key];
  return next;
}

export function ReaderSection({ reader, prefersDark, onChange }: { reader: ReaderSettings; prefersDark: boolean; onChange: ReaderChange }) {
  const set = <K extends keyof ReaderSettings>(key: K) => (value: ReaderSettings[K]) => onChange((r) => ({ ...r, [key]: value }));
  return (
    <section id="reader" class="options-section reader-section" aria-labelledby="reader-heading">
      <h2 id="reader-heading" tabIndex={-1}>Reader mode</h2>
      <p class="section-intro">How stories look when you switch reader mode on. Changes apply straight away, in this preview and in open story tabs.</p>
      <div class="reader-layout">
        <div class="reader-preview-pane">
          <ReaderPreview settings={reader} prefersDark={prefersDark} />
        </div>
        <form class="reader-controls" onSubmit={(e) => e.preventDefault()} aria-label="Reader settings">
          <ControlGroup id="type" title="Type">
            <FontField reader={reader} set={set} />
            <RangeField id="fontSize" label="Text size" unit="px" value={reader.fontSize} min={LIMITS.fontSize[0]} max={LIMITS.fontSize[1]} step={1} onChange={set('fontSize')} />
            <RangeField id="lineHeight" label="Line height" unit="× text size" value={reader.lineHeight} min={LIMITS.lineHeight[0]} max={LIMITS.lineHeight[1]} step={0.05} onChange={set('lineHeight')} />
          </ControlGroup>
          <ControlGroup id="colours" title="Colours">
            <ThemeField value={reader.theme} prefersDark={prefersDark} onChange={set('theme')} />
          </ControlGroup>
          <ControlGroup id="page" title="Page">
            <RangeField id="width" label="Line length" unit="characters" value={reader.width} min={LIMITS.width[0]} max={LIMITS.width[1]} step={1} onChange={set('width')} />
            <ChoiceGroup
              name="align"
              legend="Alignment"
              value={reader.align}
              onChange={set('align')}
              choices={[
                { value: 'left', label: 'Left' },
                { value: 'justify', label: 'Justified' },
              ]}
            />
            <Toggle id="hyphenate" label="Hyphenate long words" hint="Breaks words at line ends; most useful with justified text and short lines." checked={reader.hyphenate} onChange={set('hyphenate')} />
            <ChoiceGroup
              name="paragraphs"
              legend="Paragraphs"
              value={reader.paragraphs}
              onChange={set('paragraphs')}
              choices={[
                { value: 'spaced', label: 'Spaced', hint: 'A blank line between paragraphs' },
                { value: 'indented', label: 'Indented', hint: 'First lines indented, like a book' },
              ]}
            />
          </ControlGroup>
          <ControlGroup id="spacing" title="Spacing">
            <RangeField id="letterSpacing" label="Letter spacing" unit="em" value={reader.letterSpacing} min={LIMITS.letterSpacing[0]} max={LIMITS.letterSpacing[1]} step={0.01} onChange={set('letterSpacing')} />
            <RangeField id="wordSpacing" label="Word spacing" unit="em" value={reader.wordSpacing} min={LIMITS.wordSpacing[0]} max={LIMITS.wordSpacing[1]} step={0.05} onChange={set('wordSpacing')} />
          </ControlGroup>
          <div class="field reset-row">
            <button type="button" class="secondary" data-action="reset-reader" onClick={() => onChange(resetLook)}>
              Reset to defaults
            </button>
            <span class="field-hint">Your list of sites below is kept.</span>
          </div>
        </form>
      </div>
      <AlwaysOnSites hosts={reader.alwaysOn} onRemove={(host) => onChange((r) => ({ ...r, alwaysOn: r.alwaysOn.filter((h) => h !== host) }))} />
    </section>
  );
}

/** A titled group of related controls; the title is a heading so the page can be skimmed by headings. */
function ControlGroup({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <div class="control-group" role="group" aria-labelledby={`group-${id}`}>
      <h3 id={`group-${id}`} class="group-title">
        {title}
      </h3>
      {children}
    </div>
  );
}

function FontField({ reader, set }: { reader: ReaderSettings; set: <K extends keyof ReaderSettings>(key: K) => (value: ReaderSettings[K]) => void }) {
  const sampleFor = (font: FontChoice) => ({ fontFamily: fontStack({ ...reader, font }) });
  const choices: Choice<FontChoice>[] = [
    { value: 'serif', label: 'Serif', hint: 'Book-like', sample: 'Aa', sampleStyle: sampleFor('serif') },
    { value: 'sans', label: 'Sans-serif', hint: 'Clean, screen-like', sample: 'Aa', sampleStyle: sampleFor('sans') },
    { value: 'dyslexic', label: 'OpenDyslexic', hint: 'Dyslexia-friendly', sample: 'Aa', sampleStyle: sampleFor('dyslexic') },
    { value: 'custom', label: 'My own font', hint: 'One installed on this computer', sample: 'Aa', sampleStyle: reader.customFont ? sampleFor('custom') : undefined },
  ];
  return (
    <ChoiceGroup name="font" legend="Font" layout="cards" value={reader.font} choices={choices} onChange={set('font')}>
      {reader.font === 'custom' && (
        <div class="field custom-font">
          <label for="customFont">Font name</label>
          <input
            id="customFont"
            type="text"
            value={reader.customFont}
            placeholder="e.g. Atkinson Hyperlegible"
            autoComplete="off"
            spellcheck={false}
            aria-describedby="customFont-hint"
            onInput={(e) => set('customFont')(e.currentTarget.value)}
          />
          <p id="customFont-hint" class="field-hint">
            As your system names it. If it is not installed, a serif font is used.
          </p>
        </div>
      )}
    </ChoiceGroup>
  );
}

function Swatch({ theme }: { theme: ThemeName }) {
  const t = THEMES[theme];
  return (
    <span class="swatch-half" style={{ background: t.bg, color: t.fg, borderColor: t.line }}>
      Aa<span class="swatch-link" style={{ background: t.link }} />
    </span>
  );
}

function ThemeField({ value, prefersDark, onChange }: { value: ThemeChoice; prefersDark: boolean; onChange(theme: ThemeChoice): void }) {
  const themeChoice = (name: ThemeName): Choice<ThemeChoice> => ({ value: name, label: THEMES[name].label, sample: <Swatch theme={name} /> });
  const choices: Choice<ThemeChoice>[] = [
    {
      value: 'system',
      label: 'Follow system',
      hint: prefersDark ? 'Dark now' : 'Light now',
      sample: (
        <>
          <Swatch theme="light" />
          <Swatch theme="dark" />
        </>
      ),
    },
    themeChoice('light'),
    themeChoice('sepia'),
    themeChoice('dark'),
    themeChoice('black'),
  ];
  return <ChoiceGroup name="theme" legend="Theme" layout="cards" value={value} choices={choices} onChange={onChange} />;
}

function AlwaysOnSites({ hosts, onRemove }: { hosts: string[]; onRemove(host: string): void }) {
  return (
    <section class="subsection always-on" aria-labelledby="always-on-heading">
      <h3 id="always-on-heading">Sites where reader mode opens by itself</h3>
      {hosts.length === 0 ? (
        <p class="empty-state" data-empty="always-on">
          None yet. While reading a story in reader mode, choose “Always use reader mode on this site” and the site appears here.
        </p>
      ) : (
        <ul class="site-list" data-list="always-on">
          {hosts.map((host) => (
            <li key={host} data-host={host}>
              <span class="site-host">{host}</span>
              <button type="button" class="secondary" aria-label={`Stop opening reader mode by itself on ${host}`} onClick={() => onRemove(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
