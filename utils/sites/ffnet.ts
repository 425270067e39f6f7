import type { SiteAdapter } from './types';

// Placeholder until the adapter lands; detects nothing.
export const ffnet: SiteAdapter = {
  id: 'ffnet',
  name: 'FanFiction.Net and FictionPress',
  matches: () => false,
  detect: () => false,
  extract: () => null,
};
