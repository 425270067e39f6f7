import type { FandomData } from './types';

export const goodOmens: FandomData = {
  name: 'Good Omens (TV)',
  aliases: [
    'Good Omens (TV)',
    'Good Omens',
    'Good Omens - Neil Gaiman & Terry Pratchett',
    'Good Omens (Book)',
    'GO',
  ],
  owners: ['Terry Pratchett', 'Pratchett', 'Neil Gaiman & Terry Pratchett', 'Neil Gaiman and Terry Pratchett', 'Narrativia', 'Tadfield'],
  short: 'Good Omens',
  seasonWords: ['season', 'series'],
  characters: [
    { name: 'Aziraphale', common: 'Aziraphale', short: ['A', 'Zira'], also: ['Mr. Fell', 'A. Z. Fell'] },
    { name: 'Crowley', common: 'Crowley', short: ['C'], also: ['Crawly', 'Anthony J. Crowley'] },
    { name: 'Gabriel', common: 'Gabriel' },
    { name: 'Beelzebub', common: 'Beelzebub', short: ['Beelz'] },
    { name: 'Hastur', common: 'Hastur' },
    { name: 'Ligur', common: 'Ligur' },
    { name: 'Adam Young', common: 'Adam' },
    { name: 'Anathema Device', common: 'Anathema' },
    { name: 'Newton Pulsifer', common: 'Newt' },
    { name: 'Shadwell', common: 'Shadwell' },
    { name: 'Madame Tracy', common: 'Madame Tracy' },
    { name: 'Michael', common: 'Michael' },
    { name: 'Sandalphon', common: 'Sandalphon' },
    { name: 'Muriel', common: 'Muriel' },
    { name: 'Shax', common: 'Shax' },
  ],
  portmanteaus: {
    'Ineffable Husbands': 'Aziraphale/Crowley',
    'Ineffable Wives': 'Aziraphale/Crowley',
    Ineffables: 'Aziraphale/Crowley',
    'Ineffable Bureaucracy': 'Beelzebub/Gabriel',
    Beelzebriel: 'Beelzebub/Gabriel',
  },
};
