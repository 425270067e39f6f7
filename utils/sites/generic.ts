import type { SiteAdapter } from './types';

// Placeholder until the adapter lands; detects nothing.
export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Any page (Readability)',
  matches: () => false,
  detect: () => false,
  extract: () => null,
};
