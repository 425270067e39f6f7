import type { FandomData } from './types';

export const smallville: FandomData = {
  name: 'Smallville',
  aliases: ['Smallville', 'SV'],
  owners: ['Alfred Gough', 'Miles Millar', 'Tollin/Robbins', 'DC Comics'],
  characters: [
    { name: 'Clark Kent', common: 'Clark', short: ['C'] },
    { name: 'Lex Luthor', common: 'Lex', short: ['L'] },
    { name: 'Lana Lang', common: 'Lana' },
    { name: 'Chloe Sullivan', common: 'Chloe' },
    { name: 'Pete Ross', common: 'Pete' },
    { name: 'Lionel Luthor', common: 'Lionel' },
    { name: 'Oliver Queen', common: 'Oliver' },
    { name: 'Lois Lane', common: 'Lois' },
  ],
  portmanteaus: { Clex: 'Clark/Lex', Chlark: 'Chloe/Clark', Clana: 'Clark/Lana', Clois: 'Clark/Lois' },
};
