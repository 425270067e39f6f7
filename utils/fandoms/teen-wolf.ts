import type { FandomData } from './types';

export const teenWolf: FandomData = {
  name: 'Teen Wolf',
  aliases: ['Teen Wolf (TV)', 'Teen Wolf', 'TW'],
  owners: ['Jeff Davis', 'MTV', 'Beacon Hills'],
  characters: [
    { name: 'Stiles Stilinski', common: 'Stiles', short: ['S'] },
    { name: 'Derek Hale', common: 'Derek', short: ['D'] },
    { name: 'Scott McCall', common: 'Scott' },
    { name: 'Lydia Martin', common: 'Lydia' },
    { name: 'Allison Argent', common: 'Allison' },
    { name: 'Peter Hale', common: 'Peter' },
    { name: 'Jackson Whittemore', common: 'Jackson' },
    { name: 'Isaac Lahey', common: 'Isaac' },
  ],
  portmanteaus: { Sterek: 'Stiles/Derek', Scallison: 'Scott/Allison', Stydia: 'Stiles/Lydia', Steter: 'Stiles/Peter' },
};
