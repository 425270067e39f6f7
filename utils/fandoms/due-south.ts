import type { FandomData } from './types';

export const dueSouth: FandomData = {
  name: 'due South',
  aliases: ['due South', 'Due South', 'dS', 'DS'],
  owners: ['Paul Haggis', 'Alliance Atlantis', 'Alliance Communications', 'CTV'],
  characters: [
    { name: 'Benton Fraser', common: 'Fraser', short: ['F', 'Ben'] },
    { name: 'Ray Vecchio', common: 'Vecchio', short: ['RV'] },
    { name: 'Ray Kowalski', common: 'Kowalski', short: ['RK'] },
    { name: 'Margaret Thatcher', common: 'Thatcher' },
    { name: 'Diefenbaker', common: 'Dief', also: ['Diefenbaker'] },
    { name: 'Welsh', common: 'Welsh' },
  ],
  portmanteaus: {},
};
