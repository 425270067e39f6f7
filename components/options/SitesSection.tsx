import { useCallback, useEffect, useState } from 'preact/hooks';
import { KNOWN_STORY_SITES } from '@/utils/known-sites';
import { isKnownStoryHost } from '@/utils/site-access';

/** "*://*.fanfiction.net/*" → "*.fanfiction.net"; "https://example.org/*" → "example.org". */
export function patternHost(pattern: string): string {
  return /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
}

/** The sites FicShelf reads from install, one line per site (a site and its subdomains are one line). */
export function knownSiteList(patterns: readonly string[] = KNOWN_STORY_SITES): { host: string; subdomains: boolean }[] {
  const sites = new Map<string, boolean>();
  for (const pattern of patterns) {
    const host = patternHost(pattern);
    const bare = host.replace(/^\*\./, '');
    sites.set(bare, (sites.get(bare) ?? false) || host.startsWith('*.'));
  }
  return [...sites].map(([host, subdomains]) => ({ host, subdomains }));
}

/** Origins the reader granted from the popup: optional host permissions beyond the known sites. */
export function enabledOrigins(origins: readonly string[]): string[] {
  return origins.filter((origin) => {
    const host = patternHost(origin);
    return host !== '' && host !== '*' && origin !== '<all_urls>' && !isKnownStoryHost(host.replace(/^\*\./, ''));
  });
}

type Enabled = { state: 'loading' } | { state: 'ready'; origins: string[] } | { state: 'error'; message: string };

function useEnabledSites() {
  const [enabled, setEnabled] = useState<Enabled>({ state: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const { origins = [] } = await browser.permissions.getAll();
      setEnabled({ state: 'ready', origins: enabledOrigins(origins) });
    } catch (error) {
      setEnabled({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  useEffect(() => {
    void refresh();
    // Granting from the popup or removing in the browser's own settings shows here without a reload.
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [refresh]);
  return { enabled, refresh };
}

export function SitesSection() {
  const { enabled, refresh } = useEnabledSites();
  const [problem, setProblem] = useState<string | null>(null);

  const turnOff = async (origin: string) => {
    setProblem(null);
    try {
      // The background unregisters the site's content script when the permission goes.
      const removed = await browser.permissions.remove({ origins: [origin] });
      if (!removed) setProblem(`FicShelf could not turn itself off on ${patternHost(origin)}.`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    await refresh();
  };

  return (
    <section id="sites" class="options-section sites-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading" tabIndex={-1}>Sites</h2>
      <p class="section-intro">FicShelf reads pages only on the sites listed here.</p>
      <section class="subsection" aria-labelledby="enabled-heading">
        <h3 id="enabled-heading">Sites you turned FicShelf on for</h3>
        <EnabledList enabled={enabled} onTurnOff={turnOff} />
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
      </section>
      <section class="subsection" aria-labelledby="known-heading">
        <h3 id="known-heading">Sites FicShelf knows by itself</h3>
        <p class="section-intro">FicShelf reads stories on these sites without asking. eFiction archives and stories with a text header are also recognised on any site you turn it on for.</p>
        <ul class="known-sites" data-list="known-sites">
          {knownSiteList().map(({ host, subdomains }) => (
            <li key={host}>
              {host}
              {subdomains && <span class="muted"> and its subdomains</span>}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function EnabledList({ enabled, onTurnOff }: { enabled: Enabled; onTurnOff(origin: string): void }) {
  if (enabled.state === 'loading') return <p class="empty-state">Checking…</p>;
  if (enabled.state === 'error')
    return (
      <p class="problem" role="alert">
        Could not read the sites FicShelf may use: {enabled.message}
      </p>
    );
  if (enabled.origins.length === 0)
    return (
      <p class="empty-state" data-empty="enabled-sites">
        None yet. On a story site FicShelf does not know, click the FicShelf button in the toolbar and choose “Enable FicShelf on this site”.
      </p>
    );
  return (
    <ul class="site-list" data-list="enabled-sites">
      {enabled.origins.map((origin) => (
        <li key={origin} data-origin={origin}>
          <span class="site-host" title={origin}>
            {patternHost(origin)}
          </span>
          <button type="button" class="secondary" aria-label={`Turn off FicShelf on ${patternHost(origin)}`} onClick={() => onTurnOff(origin)}>
            Turn off
          </button>
        </li>
      ))}
    </ul>
  );
}
