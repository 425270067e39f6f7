import type { FandomData } from './types';

export const xFiles: FandomData = {
  name: 'The X-Files',
  aliases: ['The X-Files', 'X-Files', 'The X Files', 'X Files', 'XF', 'TXF'],
  owners: ['Chris Carter', '1013 Productions', 'Ten Thirteen', 'Twentieth Century Fox', '20th Century Fox'],
  characters: [
    { name: 'Fox Mulder', common: 'Mulder', short: ['M'] },
    { name: 'Dana Scully', common: 'Scully', short: ['S'] },
    { name: 'Walter Skinner', common: 'Skinner', short: ['Sk'] },
    { name: 'Alex Krycek', common: 'Krycek', short: ['K'] },
    { name: 'John Doggett', common: 'Doggett' },
    { name: 'Monica Reyes', common: 'Reyes' },
    { name: 'Cigarette Smoking Man', common: 'CSM', also: ['Cancer Man'] },
  ],
  portmanteaus: { MSR: 'Mulder/Scully' },
};
