import type { FandomData } from './types';

export const sherlock: FandomData = {
  name: 'Sherlock (TV)',
  aliases: ['Sherlock (TV)', 'Sherlock (BBC)', 'BBC Sherlock', 'Sherlock BBC', 'Sherlock (BBC TV)', 'Sherlock'],
  owners: ['Steven Moffat', 'Mark Gatiss', 'Hartswood Films', 'Arthur Conan Doyle', 'Conan Doyle', '221B Baker Street'],
  short: 'Sherlock',
  seasonWords: ['series', 'season'],
  characters: [
    { name: 'Sherlock Holmes', common: 'Sherlock', short: ['S', 'SH'] },
    { name: 'John Watson', common: 'John', short: ['J', 'JW'], also: ['Watson'] },
    { name: 'Mycroft Holmes', common: 'Mycroft', short: ['M'] },
    { name: 'Greg Lestrade', common: 'Lestrade', short: ['L'] },
    { name: 'Jim Moriarty', common: 'Moriarty' },
    { name: 'Molly Hooper', common: 'Molly' },
    { name: 'Mrs. Hudson', common: 'Mrs Hudson', also: ['Mrs. Hudson'] },
    { name: 'Irene Adler', common: 'Irene' },
    { name: 'Mary Morstan', common: 'Mary', also: ['Mary Watson'] },
    { name: 'Sally Donovan', common: 'Donovan' },
    { name: 'Charles Augustus Magnussen', common: 'Magnussen' },
    { name: 'Eurus Holmes', common: 'Eurus' },
  ],
  portmanteaus: {
    Johnlock: 'John/Sherlock',
    Mystrade: 'Mycroft/Lestrade',
    Sheriarty: 'Sherlock/Moriarty',
    Sherlolly: 'Sherlock/Molly',
    Adlock: 'Sherlock/Irene',
    Mormor: 'Moriarty/Moran',
  },
};
