import type { ComponentChildren } from 'preact';
import type { Settings, SpoilerSettings, WatchProgress } from '@/utils/settings';
import type { SettingsHandle } from './useSettings';
import { ChoiceGroup } from './controls';
import { FandomSearch, ProgressRow, startProgress } from './ProgressPicker';
import { BlocklistFields, RatingFields } from './RatingsSection';

type Update = SettingsHandle['update'];

/** progress without one fandom; the other entries keep their order. */
export function withoutFandom(progress: Record<string, WatchProgress>, name: string): Record<string, WatchProgress> {
  const next = { ...progress };
  delete next[name];
  return next;
}

/** A story id as the reader can recognise it, with a link back when the site is known. */
export function describeStoryId(id: string): { text: string; href?: string } {
  const [site, ...rest] = id.split(':');
  const last = rest.at(-1) ?? '';
  if (site === 'ao3' && /^\d+$/.test(last)) return { text: `AO3 work ${last}`, href: `https://archiveofourown.org/works/${last}` };
  if (site === 'ffnet' && /^\d+$/.test(last)) return { text: `FanFiction.Net story ${last}`, href: `https://www.fanfiction.net/s/${last}` };
  if (site === 'efiction' && rest.length === 2 && /^\d+$/.test(last))
    return { text: `Story ${last} on ${rest[0]}`, href: `https://${rest[0]}/viewstory.php?sid=${last}` };
  return { text: id };
}

/** "Spoilers & ratings": how far the reader has watched, hint sensitivity, rating limit, blocklists, always-shown stories. */
export function SpoilersSection({ settings, update }: { settings: Settings; update: Update }) {
  const spoilers = settings.spoilers;
  const setSpoilers = (change: (s: SpoilerSettings) => SpoilerSettings) => update('spoilers', change);
  const followed = Object.keys(spoilers.progress);
  return (
    <section id="spoilers" class="options-section spoilers-section" aria-labelledby="spoilers-heading">
      <h2 id="spoilers-heading" tabIndex={-1}>
        Spoilers &amp; ratings
      </h2>
      <p class="section-intro">
        Stories that would spoil an episode you haven't seen, or go past your limits, are covered on every site, with the reason and a way to read them anyway.
      </p>

      <Subsection id="progress" title="How far you've watched">
        {followed.length === 0 ? (
          <p class="empty-state" data-empty="progress">
            You haven't told FicShelf how far you've watched anything yet, so no story is hidden as a spoiler. Add a fandom below and pick the last episode you've seen.
          </p>
        ) : (
          <ul class="progress-list">
            {followed.map((name) => (
              <ProgressRow
                key={name}
                name={name}
                progress={spoilers.progress[name]!}
                onChange={(p) => setSpoilers((s) => ({ ...s, progress: { ...s.progress, [name]: p } }))}
                onRemove={() => setSpoilers((s) => ({ ...s, progress: withoutFandom(s.progress, name) }))}
              />
            ))}
          </ul>
        )}
        <FandomSearch
          followed={followed}
          onAdd={(f) => setSpoilers((s) => ({ ...s, progress: { ...s.progress, [f.name]: startProgress(f) } }))}
        />
      </Subsection>

      <Subsection id="sensitivity" title="Hints in the story text">
        <ChoiceGroup
          name="sensitivity"
          legend="How much should names and events in the text count?"
          value={spoilers.sensitivity}
          onChange={(sensitivity) => setSpoilers((s) => ({ ...s, sensitivity }))}
          choices={[
            { value: 'off', label: 'Off', hint: 'Only what the author or the site says the story spoils counts.' },
            { value: 'balanced', label: 'Balanced', hint: 'Also hide stories that name someone or something that only exists after an episode you haven’t seen.' },
            { value: 'cautious', label: 'Cautious', hint: 'Also hide stories that merely suggest later events; more stories are hidden by mistake.' },
          ]}
        />
      </Subsection>

      <Subsection id="ratings" title="Rating limit and warnings">
        <RatingFields ratings={settings.ratings} onChange={(change) => update('ratings', change)} />
      </Subsection>

      <Subsection id="blocklist" title="Blocked tags and authors">
        <BlocklistFields blocklist={settings.blocklist} onChange={(change) => update('blocklist', change)} />
      </Subsection>

      <Subsection id="allow-stories" title="Stories you chose to always show">
        <AllowedStories ids={spoilers.allowStories} onRemove={(id) => setSpoilers((s) => ({ ...s, allowStories: s.allowStories.filter((other) => other !== id) }))} />
      </Subsection>
    </section>
  );
}

function Subsection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="subsection" data-subsection={id} aria-labelledby={`${id}-subheading`}>
      <h3 id={`${id}-subheading`}>{title}</h3>
      {children}
    </section>
  );
}

function AllowedStories({ ids, onRemove }: { ids: string[]; onRemove(id: string): void }) {
  if (ids.length === 0)
    return (
      <p class="empty-state" data-empty="allow-stories">
        None. When a story is covered, “Always show this story” shows it in full from then on, whatever its rating, tags or spoilers, and it appears here.
      </p>
    );
  return (
    <ul class="site-list" data-list="allow-stories">
      {ids.map((id) => {
        const { text, href } = describeStoryId(id);
        return (
          <li key={id} data-story={id}>
            {href ? (
              <a class="site-host" href={href} target="_blank" rel="noreferrer">
                {text}
              </a>
            ) : (
              <span class="site-host">{text}</span>
            )}
            <button type="button" class="secondary" aria-label={`Stop always showing ${text}`} onClick={() => onRemove(id)}>
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
}
