import type { FandomData } from './types';

export const supernatural: FandomData = {
  name: 'Supernatural',
  aliases: ['Supernatural (TV 2005)', 'Supernatural', 'SPN'],
  owners: ['Eric Kripke', 'Kripke', 'Kripke Enterprises', 'Wonderland Sound and Vision'],
  characters: [
    { name: 'Dean Winchester', common: 'Dean', short: ['D'] },
    { name: 'Sam Winchester', common: 'Sam', short: ['S', 'Sammy'] },
    { name: 'Castiel', common: 'Castiel', short: ['Cas', 'Cass', 'C'] },
    { name: 'Bobby Singer', common: 'Bobby' },
    { name: 'John Winchester', common: 'John' },
    { name: 'Crowley', common: 'Crowley' },
    { name: 'Gabriel', common: 'Gabriel' },
    { name: 'Jo Harvelle', common: 'Jo' },
    { name: 'Ellen Harvelle', common: 'Ellen' },
    { name: 'Ruby', common: 'Ruby' },
  ],
  portmanteaus: { Wincest: 'Sam/Dean', Destiel: 'Dean/Castiel', Sabriel: 'Sam/Gabriel' },
};
