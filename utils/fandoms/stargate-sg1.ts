import type { FandomData } from './types';

export const stargateSg1: FandomData = {
  name: 'Stargate SG-1',
  aliases: ['Stargate SG-1', 'Stargate: SG-1', 'Stargate SG1', 'SG-1', 'SG1', 'Stargate'],
  owners: ['MGM', 'Gekko Film', 'Double Secret Productions', 'Brad Wright', 'Jonathan Glassner', 'Cheyenne Mountain'],
  characters: [
    { name: "Jack O'Neill", common: 'Jack', short: ['J'], also: ["O'Neill"] },
    { name: 'Daniel Jackson', common: 'Daniel', short: ['D'] },
    { name: 'Samantha Carter', common: 'Sam', short: ['S'], also: ['Carter'] },
    { name: "Teal'c", common: "Teal'c", short: ['T'] },
    { name: 'George Hammond', common: 'Hammond' },
    { name: 'Janet Fraiser', common: 'Janet' },
    { name: 'Jonas Quinn', common: 'Jonas' },
    { name: 'Cameron Mitchell', common: 'Mitchell' },
    { name: 'Vala Mal Doran', common: 'Vala' },
  ],
};
