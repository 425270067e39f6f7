import { KNOWN_STORY_SITES } from './known-sites';

/** Turns a match pattern ("*://*.fanfiction.net/*") into a host test. */
function hostPattern(pattern: string): RegExp {
  const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
  const body = host.replace(/\./g, '\\.').replace(/^\*\\\./, '(?:[^.]+\\.)*');
  return new RegExp(`^${body}$`, 'i');
}

const KNOWN_HOSTS = KNOWN_STORY_SITES.map(hostPattern);

/** True when FicShelf runs on this host from install (no permission to ask for). */
export function isKnownStoryHost(hostname: string): boolean {
  return KNOWN_HOSTS.some((re) => re.test(hostname));
}

/** The optional-permission origin pattern for a page ("https://example.org/*"), or null for pages no extension may touch. */
export function originPattern(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}
