import type { SiteAdapter } from './types';

// Placeholder until the adapter lands; detects nothing.
export const headerBlock: SiteAdapter = {
  id: 'header-block',
  name: 'Story with a plain-text header',
  matches: () => false,
  detect: () => false,
  extract: () => null,
};
