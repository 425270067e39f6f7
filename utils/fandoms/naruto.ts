import type { FandomData } from './types';

export const naruto: FandomData = {
  name: 'Naruto',
  aliases: ['Naruto', 'NARUTO | ナルト', 'Naruto Shippuden', 'Naruto Shippuuden'],
  owners: ['Masashi Kishimoto', 'Kishimoto', 'Shueisha', 'Konoha', 'Konohagakure'],
  characters: [
    { name: 'Uzumaki Naruto', common: 'Naruto', also: ['Naruto Uzumaki'] },
    { name: 'Uchiha Sasuke', common: 'Sasuke', also: ['Sasuke Uchiha'] },
    { name: 'Haruno Sakura', common: 'Sakura', also: ['Sakura Haruno'] },
    { name: 'Hatake Kakashi', common: 'Kakashi', also: ['Kakashi Hatake'] },
    { name: 'Uchiha Itachi', common: 'Itachi' },
    { name: 'Umino Iruka', common: 'Iruka' },
    { name: 'Hyuuga Hinata', common: 'Hinata' },
    { name: 'Gaara', common: 'Gaara' },
    { name: 'Nara Shikamaru', common: 'Shikamaru' },
    { name: 'Rock Lee', common: 'Lee' },
  ],
  portmanteaus: { SasuNaru: 'Sasuke/Naruto', NaruSasu: 'Naruto/Sasuke', KakaIru: 'Kakashi/Iruka', NaruHina: 'Naruto/Hinata', SasuSaku: 'Sasuke/Sakura' },
};
