/** Display names of the site families, for UI that must not load the adapters themselves. */
export const SITE_NAMES: Record<string, string> = {
  otw: 'Archive of Our Own (OTW)',
  ffnet: 'FanFiction.Net / FictionPress',
  efiction: 'eFiction archive',
  'header-block': 'Story with a text header',
  generic: 'Web page',
};

export function siteName(id: string | null | undefined): string {
  return (id && SITE_NAMES[id]) || id || 'Unknown site';
}
