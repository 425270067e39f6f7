import type { FandomData } from './types';

export const harryPotter: FandomData = {
  name: 'Harry Potter',
  aliases: ['Harry Potter - J. K. Rowling', 'Harry Potter - J.K. Rowling', 'Harry Potter (Movies)', 'Harry Potter', 'HP'],
  owners: ['J.K. Rowling', 'J. K. Rowling', 'JK Rowling', 'Rowling', 'Bloomsbury', 'Scholastic', 'Hogwarts'],
  characters: [
    { name: 'Harry Potter', common: 'Harry', short: ['H', 'HP'] },
    { name: 'Hermione Granger', common: 'Hermione', short: ['Hr', 'Mione'] },
    { name: 'Ron Weasley', common: 'Ron', short: ['R'] },
    { name: 'Draco Malfoy', common: 'Draco', short: ['D', 'DM'] },
    { name: 'Severus Snape', common: 'Snape', short: ['SS'], also: ['Severus'] },
    { name: 'Sirius Black', common: 'Sirius', short: ['SB'] },
    { name: 'Remus Lupin', common: 'Remus', short: ['RL'], also: ['Lupin'] },
    { name: 'Albus Dumbledore', common: 'Dumbledore' },
    { name: 'Ginny Weasley', common: 'Ginny', short: ['G'] },
    { name: 'Neville Longbottom', common: 'Neville', short: ['N'] },
    { name: 'Luna Lovegood', common: 'Luna', short: ['L'] },
    { name: 'Lucius Malfoy', common: 'Lucius' },
    { name: 'Tom Riddle', common: 'Voldemort', also: ['Lord Voldemort'] },
    { name: 'James Potter', common: 'James' },
    { name: 'Lily Evans', common: 'Lily', also: ['Lily Potter'] },
  ],
  portmanteaus: { Drarry: 'Draco/Harry', Snarry: 'Snape/Harry', Wolfstar: 'Remus/Sirius', Romione: 'Ron/Hermione', Dramione: 'Draco/Hermione', Jily: 'James/Lily', Hinny: 'Harry/Ginny' },
};
