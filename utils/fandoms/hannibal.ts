import type { FandomData } from './types';

export const hannibal: FandomData = {
  name: 'Hannibal (TV)',
  aliases: ['Hannibal (TV)', 'Hannibal (TV 2013)', 'NBC Hannibal', 'Hannibal NBC', 'Hannibal'],
  owners: ['Bryan Fuller', 'Thomas Harris', 'Gaumont International Television', 'Dino De Laurentiis Company', 'De Laurentiis'],
  short: 'Hannibal',
  seasonWords: ['season'],
  characters: [
    { name: 'Hannibal Lecter', common: 'Hannibal', short: ['H'], also: ['Lecter', 'Dr. Lecter'] },
    { name: 'Will Graham', common: 'Will', short: ['W'] },
    { name: 'Jack Crawford', common: 'Jack' },
    { name: 'Alana Bloom', common: 'Alana' },
    { name: 'Abigail Hobbs', common: 'Abigail' },
    { name: 'Freddie Lounds', common: 'Freddie' },
    { name: 'Bedelia Du Maurier', common: 'Bedelia' },
    { name: 'Frederick Chilton', common: 'Chilton' },
    { name: 'Beverly Katz', common: 'Beverly' },
    { name: 'Mason Verger', common: 'Mason' },
    { name: 'Margot Verger', common: 'Margot' },
    { name: 'Francis Dolarhyde', common: 'Dolarhyde', also: ['Francis Dolarhyde'] },
    { name: 'Garrett Jacob Hobbs', common: 'Hobbs' },
  ],
  portmanteaus: {
    Hannigram: 'Hannibal/Will',
    'Murder Husbands': 'Hannibal/Will',
  },
};
