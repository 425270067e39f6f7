import type { Blocklist, RatingSettings } from '@/utils/settings';
import { RATING_LABELS } from '@/utils/metadata/rating';
import { ChoiceGroup, type Choice } from './controls';
import { ListEditor } from './ListEditor';

type Level = RatingSettings['max'];

/**
 * What each step of the one rating scale covers on each site, as the sites
 * write it. Every token here is read to that level by utils/metadata/rating.ts
 * (a test checks it), so the page says what the filter does.
 */
export const RATING_SCALE: Array<{ level: Level; ao3: string; ffn: string[]; letters: string[] }> = [
  { level: 'general', ao3: 'General Audiences', ffn: ['K', 'K+'], letters: ['G', 'PG'] },
  { level: 'teen', ao3: 'Teen And Up Audiences', ffn: ['T'], letters: ['PG-13', 'FR13'] },
  { level: 'mature', ao3: 'Mature', ffn: ['M'], letters: ['R', 'FR15'] },
  { level: 'explicit', ao3: 'Explicit', ffn: ['MA'], letters: ['NC-17', 'FR18'] },
];

/** "AO3 Teen And Up Audiences · FFN T · PG-13, FR13" */
export function ratingIncludes(step: (typeof RATING_SCALE)[number]): string {
  return `AO3 ${step.ao3} · FFN ${step.ffn.join(', ')} · ${step.letters.join(', ')}`;
}

/**
 * AO3's archive warnings. `entry` is what is stored in hideWarnings (matched
 * like a blocklist entry): AO3 now writes "Underage Sex" where older works say
 * "Underage", so that one is a wildcard covering both.
 */
export const ARCHIVE_WARNINGS: Array<{ label: string; entry: string }> = [
  { label: 'Graphic Depictions Of Violence', entry: 'Graphic Depictions Of Violence' },
  { label: 'Major Character Death', entry: 'Major Character Death' },
  { label: 'Rape/Non-Con', entry: 'Rape/Non-Con' },
  { label: 'Underage Sex (formerly “Underage”)', entry: 'Underage*' },
  { label: 'Creator Chose Not To Use Archive Warnings', entry: 'Creator Chose Not To Use Archive Warnings' },
];

const sameEntry = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** hideWarnings with one warning turned on or off; entries the page does not show are kept. */
export function toggleWarning(list: string[], entry: string, on: boolean): string[] {
  const rest = list.filter((w) => !sameEntry(w, entry));
  return on ? [...rest, entry] : rest;
}

const warningId = (entry: string) => `warning-${entry.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`;

type RatingsChange = (change: (current: RatingSettings) => RatingSettings) => void;

/** Rating limit, unrated stories and archive warnings. */
export function RatingFields({ ratings, onChange }: { ratings: RatingSettings; onChange: RatingsChange }) {
  const levels: Choice<Level>[] = RATING_SCALE.map((step) => ({ value: step.level, label: RATING_LABELS[step.level], hint: ratingIncludes(step) }));
  return (
    <>
      <ChoiceGroup name="rating-max" legend="Highest rating to show" layout="cards" value={ratings.max} choices={levels} onChange={(max) => onChange((r) => ({ ...r, max }))}>
        <p class="field-hint">Stories rated higher are hidden on every site, with the reason and a way to show them anyway.</p>
      </ChoiceGroup>
      <ChoiceGroup
        name="rating-unrated"
        legend="Stories without a rating"
        value={ratings.unrated}
        onChange={(unrated) => onChange((r) => ({ ...r, unrated }))}
        choices={[
          { value: 'show', label: 'Show them' },
          { value: 'hide', label: 'Hide them', hint: 'Including AO3 “Not Rated” works' },
        ]}
      />
      <fieldset class="field warnings" data-setting="hide-warnings">
        <legend class="field-label">Hide AO3 works with these archive warnings</legend>
        {ARCHIVE_WARNINGS.map(({ label, entry }) => {
          const id = warningId(entry);
          return (
            <div class="toggle" key={entry} data-warning={entry}>
              <input
                id={id}
                type="checkbox"
                checked={ratings.hideWarnings.some((w) => sameEntry(w, entry))}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  onChange((r) => ({ ...r, hideWarnings: toggleWarning(r.hideWarnings, entry, on) }));
                }}
              />
              <label for={id}>{label}</label>
            </div>
          );
        })}
        <p class="field-hint">“Creator Chose Not To Use Archive Warnings” means any of the others may apply.</p>
      </fieldset>
    </>
  );
}

type BlocklistChange = (change: (current: Blocklist) => Blocklist) => void;

const HOW_TO_ADD = 'Press Enter to add; separate several with commas, or paste a list.';

/** One editor per list, in this order: each blocklist, then the allowlist that overrides it. */
const BLOCKLIST_FIELDS: Array<{ key: keyof Blocklist; id: string; label: string; hint: string; placeholder: string; emptyText: string }> = [
  {
    key: 'tags',
    id: 'block-tags',
    label: 'Blocked tags',
    hint: `Whole tags, in any case: fandoms, relationships, characters, warnings and additional tags. ${HOW_TO_ADD} * matches anything: “*Character Death*” blocks every tag with those words.`,
    placeholder: 'e.g. Major Character Death',
    emptyText: 'No tags blocked.',
  },
  {
    key: 'allowTags',
    id: 'allow-tags',
    label: 'Always show tags',
    hint: 'A story with one of these tags is shown even if another of its tags is blocked.',
    placeholder: 'e.g. Fluff',
    emptyText: 'None.',
  },
  {
    key: 'authors',
    id: 'block-authors',
    label: 'Blocked authors',
    hint: `Author names as the site shows them, in any case. ${HOW_TO_ADD} * matches anything: “*Anonymous*”.`,
    placeholder: 'Author name',
    emptyText: 'No authors blocked.',
  },
  {
    key: 'allowAuthors',
    id: 'allow-authors',
    label: 'Always show authors',
    hint: 'Stories by these authors are never hidden for their tags or name (ratings, warnings and spoilers still apply).',
    placeholder: 'Author name',
    emptyText: 'None.',
  },
];

/** Tag and author blocklists, each with the allowlist that overrides it. */
export function BlocklistFields({ blocklist, onChange }: { blocklist: Blocklist; onChange: BlocklistChange }) {
  const set = (key: keyof Blocklist) => (items: string[]) => onChange((b) => ({ ...b, [key]: items }));
  return (
    <div class="blocklists">
      {BLOCKLIST_FIELDS.map(({ key, ...field }) => (
        <ListEditor key={field.id} {...field} items={blocklist[key]} onChange={set(key)} />
      ))}
    </div>
  );
}
