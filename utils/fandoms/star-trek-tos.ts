import type { FandomData } from './types';

export const starTrekTos: FandomData = {
  name: 'Star Trek: The Original Series',
  aliases: ['Star Trek: The Original Series', 'Star Trek The Original Series', 'Star Trek: TOS', 'Star Trek TOS', 'ST:TOS', 'TOS', 'Star Trek'],
  owners: ['Gene Roddenberry', 'Roddenberry', 'Paramount', 'Desilu', 'CBS Studios'],
  characters: [
    { name: 'James T. Kirk', common: 'Kirk', short: ['K'], also: ['Jim Kirk', 'James Kirk'] },
    { name: 'Spock', common: 'Spock', short: ['S'] },
    { name: 'Leonard McCoy', common: 'McCoy', short: ['Mc', 'Bones'] },
    { name: 'Montgomery Scott', common: 'Scotty' },
    { name: 'Nyota Uhura', common: 'Uhura', short: ['U'] },
    { name: 'Hikaru Sulu', common: 'Sulu' },
    { name: 'Pavel Chekov', common: 'Chekov' },
    { name: 'Christine Chapel', common: 'Chapel' },
  ],
  portmanteaus: { Spirk: 'Kirk/Spock', McSpirk: 'McCoy/Kirk/Spock' },
};
