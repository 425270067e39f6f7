/**
 * Pages a site sends instead of a chapter: a login page (restricted work,
 * expired session) or a Cloudflare challenge. Neither may ever be saved as
 * story text, and retrying them is pointless: the reader has to act.
 * Pure: strings, headers and a parsed Document in, booleans out.
 */

export interface HeaderLookup {
  get(name: string): string | null;
}

/** Login addresses of the supported families: AO3 (/users/login), FFN (/login.php), eFiction (user.php?action=login), and common ones. */
export function isLoginUrl(href: string | null | undefined): boolean {
  if (!href) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const path = url.pathname.toLowerCase();
  if (/\/users\/(login|sign_in)\/?$/.test(path)) return true;
  if (/\/(login|signin)\.php$/.test(path)) return true;
  if (/\/user\.php$/.test(path) && /^log-?in$/i.test(url.searchParams.get('action') ?? '')) return true;
  return /\/(log-?in|sign-?in)\/?$/.test(path);
}

/** Page chrome that carries a login box on every page (AO3's header dropdown, eFiction side blocks). */
const CHROME = '#header, header, nav, aside, #small_login, .dropdown, #sidebar, .sidebar, #side, .sideblock, #menu, #footer, footer';

/** Messages archives print in place of a restricted story. */
const MEMBERS_ONLY = /only available to registered users|must be logged in|you must log ?in|log ?in to (?:view|read)|registered (?:users|members) only|members only/i;

/**
 * A page asking the reader to log in. Call it only on a page that did not
 * yield the chapter: story pages carry small login boxes in their chrome too.
 */
export function isLoginPage(doc: Document): boolean {
  // AO3 (and other OTW installs): the sessions page and the "registered users only" notice.
  if (doc.getElementById('loginform') || doc.querySelector('#main.sessions-new, #signin form')) return true;
  const notice = doc.querySelector('.errortext, .flash.error, #signin, .notice');
  if (notice && MEMBERS_ONLY.test(notice.textContent ?? '')) return true;
  for (const input of Array.from(doc.querySelectorAll('form input[type="password"]'))) {
    if (!input.closest(CHROME)) return true;
  }
  return false;
}

/** Parameters archives use to record that the reader accepted a content warning: eFiction's age consent, AO3's adult-content interstitial. */
const CONSENT_PARAMS = ['ageconsent', 'warning', 'view_adult'];

/**
 * The address behind a content-warning page's "continue" link, for the page
 * at `pageUrl`: the requested address with the link's consent parameters
 * added (so a printable all-chapters request stays one). Only links to the
 * same page of the same story count.
 */
export function consentUrl(doc: Document, pageUrl: string): string | undefined {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return undefined;
  }
  for (const link of Array.from(doc.querySelectorAll('a[href*="ageconsent="], a[href*="warning="], a[href*="view_adult="]'))) {
    let target: URL;
    try {
      target = new URL(link.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    if (target.host !== page.host || target.pathname !== page.pathname) continue;
    const sid = page.searchParams.get('sid');
    if (sid && target.searchParams.get('sid') !== sid) continue;
    const next = new URL(page.href);
    let added = false;
    for (const name of CONSENT_PARAMS) {
      const value = target.searchParams.get(name);
      if (value && next.searchParams.get(name) !== value) {
        next.searchParams.set(name, value);
        added = true;
      }
    }
    if (added) return next.href;
  }
  return undefined;
}

/** Markers only Cloudflare's interstitials carry: the challenge script path, cf-chl tokens, the waiting-room titles. */
const CHALLENGE_MARKERS = [
  /\/cdn-cgi\/challenge-platform\//i,
  /\bcf[-_]chl[-_]/i,
  /<title>\s*Just a moment\.\.\.\s*<\/title>/i,
  /<title>\s*Attention Required! \| Cloudflare\s*<\/title>/i,
  /Checking (?:if the site connection is secure|your browser before accessing)/i,
  /id="challenge-(?:form|running|stage)"/i,
];

export function hasChallengeMarkers(body: string): boolean {
  // Challenge pages are small; a long story page is not one, and scanning it whole is wasted work.
  const head = body.length > 200_000 ? body.slice(0, 200_000) : body;
  return CHALLENGE_MARKERS.some((marker) => marker.test(head));
}

function servedByCloudflare(headers: HeaderLookup): boolean {
  return /cloudflare/i.test(headers.get('server') ?? '') || headers.get('cf-ray') !== null;
}

/**
 * A Cloudflare challenge (or block) instead of the page. Cloudflare says so
 * in a header on current challenges; older ones are recognised by their
 * markup. A plain 503 passed through Cloudflare without challenge markup is
 * an origin error, which is worth retrying, so it is not a challenge.
 */
export function isCloudflareChallenge(response: { status: number; headers: HeaderLookup; body: string }): boolean {
  const { status, headers, body } = response;
  if ((headers.get('cf-mitigated') ?? '').toLowerCase() === 'challenge') return true;
  // Cloudflare's own block page ("Sorry, you have been blocked"): a 403 it serves itself, naming its Ray ID.
  if (status === 403 && servedByCloudflare(headers) && /cf-error-details|Cloudflare Ray ID/i.test(body)) return true;
  if (!hasChallengeMarkers(body)) return false;
  // A normal story page that merely mentions Cloudflare is a 2xx from the origin; challenges are 403/503 or carry the script.
  return status === 403 || status === 503 || servedByCloudflare(headers) || /challenge-platform|cf[-_]chl/i.test(body);
}

/** The site as readers name it: "archiveofourown.org", "fanfiction.net". */
export function siteLabel(href: string): string {
  try {
    return new URL(href).hostname.replace(/^(?:www|m)\./i, '');
  } catch {
    return 'The site';
  }
}

export function loginMessage(href: string): string {
  return `${siteLabel(href)} asks you to log in to read this story: log in, then save again`;
}

export function challengeMessage(href: string): string {
  return `${siteLabel(href)} is checking that you are not a robot (Cloudflare): open the story on the site, let the check finish, then save again`;
}
