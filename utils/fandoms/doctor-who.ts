import type { FandomData } from './types';

export const doctorWho: FandomData = {
  name: 'Doctor Who',
  aliases: ['Doctor Who (2005)', 'Doctor Who', 'Doctor Who & Related Fandoms', 'Dr Who', 'Dr. Who', 'DW'],
  owners: ['BBC Wales', 'Russell T Davies', 'Russell T. Davies', 'Steven Moffat', 'TARDIS', 'Gallifrey'],
  characters: [
    { name: 'The Doctor', common: 'the Doctor', short: ['Doctor', 'Ten', 'Nine', 'Eleven', 'Twelve'] },
    { name: 'Rose Tyler', common: 'Rose', short: ['R'] },
    { name: 'Martha Jones', common: 'Martha' },
    { name: 'Donna Noble', common: 'Donna' },
    { name: 'Amy Pond', common: 'Amy' },
    { name: 'Rory Williams', common: 'Rory' },
    { name: 'Clara Oswald', common: 'Clara' },
    { name: 'River Song', common: 'River' },
    { name: 'Jack Harkness', common: 'Jack', also: ['Captain Jack'] },
    { name: 'The Master', common: 'the Master' },
  ],
};
