import type { FandomData } from './types';

export const angel: FandomData = {
  name: 'Angel: the Series',
  short: 'Angel',
  seasonWords: ['season'],
  aliases: ['Angel: the Series', 'Angel (TV)', 'Angel the Series', 'Angel: The Series', 'AtS', 'ATS', 'Angel'],
  owners: ['Joss Whedon', 'Mutant Enemy', 'David Greenwalt', 'Wolfram & Hart', 'Wolfram and Hart', 'Angel Investigations'],
  characters: [
    { name: 'Angel', common: 'Angel', short: ['A'], also: ['Angelus', 'Liam'] },
    { name: 'Cordelia Chase', common: 'Cordelia', short: ['C', 'Cordy'] },
    { name: 'Wesley Wyndam-Pryce', common: 'Wesley', short: ['Wes', 'W'] },
    { name: 'Charles Gunn', common: 'Gunn', short: ['G'] },
    { name: 'Winifred Burkle', common: 'Fred', short: ['Fred'] },
    { name: 'Lorne', common: 'Lorne', also: ['Krevlornswath'] },
    { name: 'Lilah Morgan', common: 'Lilah' },
    { name: 'Lindsey McDonald', common: 'Lindsey' },
    { name: 'Connor', common: 'Connor' },
    { name: 'Allen Francis Doyle', common: 'Doyle' },
    { name: 'Kate Lockley', common: 'Kate' },
    { name: 'Illyria', common: 'Illyria' },
    { name: 'Spike', common: 'Spike', short: ['S'] },
    { name: 'Darla', common: 'Darla' },
  ],
  portmanteaus: { Spangel: 'Spike/Angel' },
};
