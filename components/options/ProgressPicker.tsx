import { useState } from 'preact/hooks';
import type { WatchProgress } from '@/utils/settings';
import type { FandomData } from '@/utils/fandoms/types';
import { FANDOMS } from '@/utils/fandoms';
import { episodeLabel, episodesIn, fandomData } from '@/utils/fandoms/episodes';
import { progressLabel } from '@/utils/filters/verdict';

// ── Pure helpers ─────────────────────────────────────────────────────────────

/** Fandoms a reader can give progress for: those with an episode guide. */
export function guidedFandoms(): FandomData[] {
  return FANDOMS.filter((f) => (f.episodes?.length ?? 0) > 0);
}

/** Lower case, accents and punctuation gone, so "btvs", "BtVS" and "Buffy: the" all compare. */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface FandomMatch {
  fandom: FandomData;
  /** The alias the query matched, when it did not match the name itself ("BtVS"). */
  via?: string;
}

/**
 * Guided fandoms whose name or any alias contains the query, best first: a
 * name that starts with it, an alias that starts with it, then containment.
 * Fandoms already followed (by canonical name) are left out.
 */
export function searchFandoms(query: string, followed: string[] = [], limit = 8): FandomMatch[] {
  const q = fold(query);
  if (!q) return [];
  const taken = new Set(followed.map((name) => fandomData(name)?.name ?? name));
  const scored: Array<FandomMatch & { score: number; order: number }> = [];
  guidedFandoms().forEach((fandom, order) => {
    if (taken.has(fandom.name)) return;
    const name = fold(fandom.name);
    if (name.startsWith(q)) return scored.push({ fandom, score: 0, order });
    const alias = fandom.aliases.find((a) => fold(a).startsWith(q));
    if (alias) return scored.push({ fandom, via: alias, score: 1, order });
    if (name.includes(q)) return scored.push({ fandom, score: 2, order });
    const inside = fandom.aliases.find((a) => fold(a).includes(q));
    if (inside) scored.push({ fandom, via: inside, score: 3, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map(({ fandom, via }) => (via && fold(via) !== fold(fandom.name) ? { fandom, via } : { fandom }));
}

/** The seasons of a guide, in air order. */
export function seasonsOf(f: FandomData): number[] {
  return [...new Set((f.episodes ?? []).map((e) => e.season))];
}

/** Choices for the episode picker of one season: "none of it yet" (episode 0), then every episode by code and title. */
export function episodeChoices(f: FandomData, season: number): Array<{ value: number; label: string }> {
  const seasonName = episodeLabel(f, { season });
  const first = seasonsOf(f)[0];
  const none = { value: 0, label: season === first ? 'None yet' : `None of ${seasonName} yet` };
  return [none, ...episodesIn(f, season).map((e) => ({ value: e.episode, label: episodeLabel(f, e) }))];
}

export type ProgressMode = 'none' | 'through' | 'all';

export const modeOf = (p: WatchProgress): ProgressMode => (p === 'all' || p === 'none' ? p : 'through');

/** The progress a newly chosen "Watched through…" starts at: nothing seen, so everything is covered until the reader says more. */
export function startProgress(f: FandomData | undefined): { season: number; episode: number } {
  return { season: (f && seasonsOf(f)[0]) ?? 1, episode: 0 };
}

/** One sentence for the current progress, built on progressLabel so it reads as the shield's reasons do. */
export function progressSummary(f: FandomData | undefined, p: WatchProgress): string {
  if (p === 'none') return 'Not watching: no story is hidden as a spoiler for this fandom.';
  if (p === 'all') return 'Seen all of it: no story is hidden as a spoiler for this fandom.';
  const label = progressLabel(f, p);
  if (label === 'nothing yet') return 'Watched: nothing yet. Every story that mentions an episode is hidden.';
  return `Watched through ${label}. Stories that assume a later episode are hidden.`;
}

const slug = (name: string) => fold(name).replace(/ /g, '-') || 'fandom';

// ── Components ───────────────────────────────────────────────────────────────

/** Type part of a fandom's name or alias; Enter or a result's button starts following it. */
export function FandomSearch({ followed, onAdd }: { followed: string[]; onAdd(fandom: FandomData): void }) {
  const [query, setQuery] = useState('');
  const matches = searchFandoms(query, followed);
  const add = (fandom: FandomData) => {
    onAdd(fandom);
    setQuery('');
  };
  return (
    <div class="field fandom-search">
      <label for="fandom-search" class="field-label">
        Add a fandom
      </label>
      <input
        id="fandom-search"
        type="search"
        value={query}
        placeholder="e.g. Buffy, SPN, Merlin"
        autoComplete="off"
        spellcheck={false}
        aria-describedby="fandom-search-hint"
        aria-controls="fandom-results"
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (matches[0]) add(matches[0].fandom);
        }}
      />
      <p id="fandom-search-hint" class="field-hint">
        Search by name or nickname. FicShelf has episode guides for {guidedFandoms().map((f) => f.short ?? f.name).join(', ')}.
      </p>
      <p class="visually-hidden" role="status">
        {query.trim() === '' ? '' : matches.length === 0 ? 'No fandom matches.' : `${matches.length} ${matches.length === 1 ? 'fandom matches' : 'fandoms match'}.`}
      </p>
      {query.trim() !== '' && matches.length === 0 && (
        <p class="empty-state" data-empty="fandom-search">
          No fandom with an episode guide matches “{query.trim()}”.
        </p>
      )}
      {matches.length > 0 && (
        <ul id="fandom-results" class="fandom-results" aria-label="Matching fandoms">
          {matches.map(({ fandom, via }) => (
            <li key={fandom.name}>
              <button type="button" class="secondary" data-fandom={fandom.name} onClick={() => add(fandom)}>
                Add {fandom.name}
                {via && <span class="match-via"> (matches “{via}”)</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface ProgressRowProps {
  /** The key in Settings.spoilers.progress (a canonical name, or an alias stored elsewhere). */
  name: string;
  progress: WatchProgress;
  onChange(progress: WatchProgress): void;
  onRemove(): void;
}

/** How far the reader has watched one fandom: not watching / watched through (season and episode) / finished. */
export function ProgressRow({ name, progress, onChange, onRemove }: ProgressRowProps) {
  const f = fandomData(name);
  const title = f?.name ?? name;
  const id = slug(title);
  const mode = modeOf(progress);
  const setMode = (next: ProgressMode) => onChange(next === 'through' ? (mode === 'through' ? progress : startProgress(f)) : next);
  const modes: Array<{ value: ProgressMode; label: string }> = [
    { value: 'none', label: 'Not watching' },
    { value: 'through', label: 'Watched through…' },
    { value: 'all', label: 'Finished it' },
  ];
  return (
    <li class="progress-row" data-fandom={title} aria-labelledby={`progress-${id}-title`}>
      <div class="progress-head">
        <h4 id={`progress-${id}-title`}>{title}</h4>
        <button type="button" class="secondary" data-action="remove-fandom" aria-label={`Remove ${title}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <fieldset class="field choice-group choice-inline" data-setting={`progress-${id}`}>
        <legend class="visually-hidden">How far you've watched {title}</legend>
        <div class="choices">
          {modes.map((m) => (
            <label class="choice" key={m.value} data-value={m.value} data-checked={m.value === mode ? '' : undefined}>
              <input type="radio" name={`progress-${id}`} value={m.value} checked={m.value === mode} onChange={() => setMode(m.value)} />
              <span class="choice-text">
                <span class="choice-label">{m.label}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {progress !== 'all' && progress !== 'none' && (
        <div class="progress-pickers">
          {f && seasonsOf(f).length > 0 ? (
            <GuidePickers f={f} id={id} progress={progress} onChange={onChange} />
          ) : (
            <NumberPickers id={id} title={title} progress={progress} onChange={onChange} />
          )}
        </div>
      )}
      <p class="progress-now" data-progress={progressLabel(f, progress)} aria-live="polite">
        {progressSummary(f, progress)}
      </p>
    </li>
  );
}

type Seen = { season: number; episode: number };

/** Season and episode selects with the guide's titles; a new season starts at "none of it yet". */
function GuidePickers({ f, id, progress, onChange }: { f: FandomData; id: string; progress: Seen; onChange(p: Seen): void }) {
  const seasonWord = (f.seasonWords?.[0] ?? 'season').replace(/^./, (c) => c.toUpperCase());
  return (
    <>
      <div class="field picker">
        <label for={`season-${id}`}>{seasonWord}</label>
        <select id={`season-${id}`} value={String(progress.season)} onChange={(e) => onChange({ season: Number(e.currentTarget.value), episode: 0 })}>
          {seasonsOf(f).map((s) => (
            <option key={s} value={String(s)}>
              {episodeLabel(f, { season: s })}
            </option>
          ))}
        </select>
      </div>
      <div class="field picker">
        <label for={`episode-${id}`}>Last episode you've seen</label>
        <select id={`episode-${id}`} value={String(progress.episode)} onChange={(e) => onChange({ season: progress.season, episode: Number(e.currentTarget.value) })}>
          {episodeChoices(f, progress.season).map((c) => (
            <option key={c.value} value={String(c.value)}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** Without an episode guide (progress stored for a fandom FicShelf has no guide for): plain numbers. */
function NumberPickers({ id, title, progress, onChange }: { id: string; title: string; progress: Seen; onChange(p: Seen): void }) {
  const whole = (text: string) => Math.max(0, Math.floor(Number(text)) || 0);
  return (
    <>
      <div class="field picker">
        <label for={`season-${id}`}>Season</label>
        <input id={`season-${id}`} type="number" min={1} step={1} value={progress.season} onChange={(e) => onChange({ ...progress, season: Math.max(1, whole(e.currentTarget.value)) })} />
      </div>
      <div class="field picker">
        <label for={`episode-${id}`}>Last episode you've seen</label>
        <input id={`episode-${id}`} type="number" min={0} step={1} value={progress.episode} onChange={(e) => onChange({ ...progress, episode: whole(e.currentTarget.value) })} />
      </div>
      <p class="field-hint">FicShelf has no episode guide for {title}, so episodes are by number.</p>
    </>
  );
}
