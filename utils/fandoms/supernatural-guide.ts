import type { CanonHint } from './types';
import { numberSeasons } from './season-list';
import type { FandomGuide } from './guides';

/** Supernatural (The WB/The CW, 2005–2020): 15 seasons, 327 episodes. */
const EPISODES = numberSeasons([
  // Season 1
  ['Pilot', 'Wendigo', 'Dead in the Water', 'Phantom Traveler', 'Bloody Mary', 'Skin', 'Hook Man', 'Bugs', 'Home', 'Asylum',
    'Scarecrow', 'Faith', 'Route 666', 'Nightmare', 'The Benders', 'Shadow', 'Hell House', 'Something Wicked', 'Provenance',
    "Dead Man's Blood", 'Salvation', "Devil's Trap"],
  // Season 2
  ['In My Time of Dying', 'Everybody Loves a Clown', 'Bloodlust', "Children Shouldn't Play with Dead Things", 'Simon Said',
    'No Exit', 'The Usual Suspects', 'Crossroad Blues', 'Croatoan', 'Hunted', 'Playthings', 'Nightshifter',
    'Houses of the Holy', 'Born Under a Bad Sign', 'Tall Tales', 'Roadkill', 'Heart', 'Hollywood Babylon',
    'Folsom Prison Blues', 'What Is and What Should Never Be',
    ['All Hell Breaks Loose: Part 1', 'All Hell Breaks Loose (1)'], ['All Hell Breaks Loose: Part 2', 'All Hell Breaks Loose (2)']],
  // Season 3 (cut short by the 2007–08 writers' strike)
  ['The Magnificent Seven', 'The Kids Are Alright', 'Bad Day at Black Rock', 'Sin City', 'Bedtime Stories',
    'Red Sky at Morning', 'Fresh Blood', 'A Very Supernatural Christmas', 'Malleus Maleficarum', 'Dream a Little Dream of Me',
    'Mystery Spot', 'Jus in Bello', 'Ghostfacers', 'Long-Distance Call', 'Time Is on My Side', 'No Rest for the Wicked'],
  // Season 4
  ['Lazarus Rising', ["Are You There, God? It's Me, Dean Winchester", 'Are You There God'], 'In the Beginning',
    'Metamorphosis', 'Monster Movie', 'Yellow Fever', "It's the Great Pumpkin, Sam Winchester", 'Wishful Thinking',
    'I Know What You Did Last Summer', 'Heaven and Hell', 'Family Remains', 'Criss Angel Is a Douchebag',
    'After School Special', 'Sex and Violence', 'Death Takes a Holiday', 'On the Head of a Pin', "It's a Terrible Life",
    'The Monster at the End of This Book', 'Jump the Shark', 'The Rapture', 'When the Levee Breaks', 'Lucifer Rising'],
  // Season 5
  ['Sympathy for the Devil', "Good God, Y'All", 'Free to Be You and Me', 'The End', 'Fallen Idols',
    'I Believe the Children Are Our Future', 'The Curious Case of Dean Winchester', 'Changing Channels',
    'The Real Ghostbusters', ['Abandon All Hope...', 'Abandon All Hope'], 'Sam, Interrupted', 'Swap Meat',
    'The Song Remains the Same', 'My Bloody Valentine', "Dead Men Don't Wear Plaid", 'Dark Side of the Moon',
    '99 Problems', 'Point of No Return', 'Hammer of the Gods', 'The Devil You Know', 'Two Minutes to Midnight', 'Swan Song'],
  // Season 6
  [['Exile on Main St.', 'Exile on Main Street'], 'Two and a Half Men', 'The Third Man', "Weekend at Bobby's",
    'Live Free or Twihard', "You Can't Handle the Truth", 'Family Matters', 'All Dogs Go to Heaven',
    ['Clap Your Hands If You Believe...', 'Clap Your Hands If You Believe'], 'Caged Heat', 'Appointment in Samarra',
    'Like a Virgin', 'Unforgiven', 'Mannequin 3: The Reckoning', 'The French Mistake',
    ['...And Then There Were None', 'And Then There Were None'], 'My Heart Will Go On', 'Frontierland', 'Mommy Dearest',
    'The Man Who Would Be King', 'Let It Bleed', 'The Man Who Knew Too Much'],
  // Season 7
  ['Meet the New Boss', 'Hello, Cruel World', 'The Girl Next Door', 'Defending Your Life', 'Shut Up, Dr. Phil',
    'Slash Fiction', 'The Mentalists', 'Season Seven, Time for a Wedding!', 'How to Win Friends and Influence Monsters',
    "Death's Door", 'Adventures in Babysitting', 'Time After Time', 'The Slice Girls',
    "Plucky Pennywhistle's Magical Menagerie", 'Repo Man', 'Out with the Old', 'The Born-Again Identity',
    'Party On, Garth', 'Of Grave Importance', 'The Girl with the Dungeons and Dragons Tattoo', 'Reading Is Fundamental',
    'There Will Be Blood', 'Survival of the Fittest'],
  // Season 8
  ['We Need to Talk About Kevin', "What's Up, Tiger Mommy?", 'Heartache', 'Bitten', 'Blood Brother', 'Southern Comfort',
    'A Little Slice of Kevin', 'Hunteri Heroici', 'Citizen Fang', 'Torn and Frayed', 'LARP and the Real Girl',
    'As Time Goes By', 'Everybody Hates Hitler', 'Trial and Error', "Man's Best Friend with Benefits",
    'Remember the Titans', 'Goodbye Stranger', 'Freaks and Geeks', 'Taxi Driver', 'Pac-Man Fever', 'The Great Escapist',
    'Clip Show', 'Sacrifice'],
  // Season 9
  ["I Think I'm Gonna Like It Here", 'Devil May Care', "I'm No Angel", 'Slumber Party', 'Dog Dean Afternoon',
    "Heaven Can't Wait", 'Bad Boys', 'Rock and a Hard Place', 'Holy Terror', 'Road Trip', 'First Born', 'Sharp Teeth',
    'The Purge', 'Captives', ['#thinman', 'Thinman'], 'Blade Runners', "Mother's Little Helper", 'Meta Fiction',
    'Alex Annie Alexis Ann', 'Bloodlines', 'King of the Damned', 'Stairway to Heaven', 'Do You Believe in Miracles'],
  // Season 10
  ['Black', 'Reichenbach', 'Soul Survivor', 'Paper Moon', 'Fan Fiction', 'Ask Jeeves', 'Girls, Girls, Girls',
    'Hibbing 911', 'The Things We Left Behind', 'The Hunter Games', "There's No Place Like Home", 'About a Boy',
    'Halt & Catch Fire', "The Executioner's Song", 'The Things They Carried', 'Paint It Black', 'Inside Man',
    'Book of the Damned', 'The Werther Project', 'Angel Heart', 'Dark Dynasty', 'The Prisoner', "Brother's Keeper"],
  // Season 11
  ['Out of the Darkness, Into the Fire', 'Form and Void', 'The Bad Seed', 'Baby', 'Thin Lizzie', 'Our Little World',
    'Plush', 'Just My Imagination', 'O Brother Where Art Thou?', 'The Devil in the Details', 'Into the Mystic',
    "Don't You Forget About Me", 'Love Hurts', 'The Vessel', 'Beyond the Mat', 'Safe House', 'Red Meat', "Hell's Angel",
    'The Chitters', "Don't Call Me Shurley", 'All in the Family', 'We Happy Few', 'Alpha and Omega'],
  // Season 12
  ['Keep Calm and Carry On', 'Mamma Mia', 'The Foundry', 'American Nightmare', "The One You've Been Waiting For",
    'Celebrating the Life of Asa Fox', 'Rock Never Dies', 'LOTUS', 'First Blood', 'Lily Sunder Has Some Regrets',
    'Regarding Dean', ['Stuck in the Middle (With You)', 'Stuck in the Middle'], 'Family Feud', 'The Raid',
    'Somewhere Between Heaven and Hell', 'Ladies Drink Free', 'The British Invasion', 'The Memory Remains', 'The Future',
    'Twigs & Twine & Tasha Banes', "There's Something About Mary", 'Who We Are', 'All Along the Watchtower'],
  // Season 13
  ['Lost and Found', 'The Rising Son', 'Patience', 'The Big Empty', 'Advanced Thanatology', 'Tombstone',
    'War of the Worlds', 'The Scorpion and the Frog', 'The Bad Place', 'Wayward Sisters', 'Breakdown',
    'Various & Sundry Villains', "Devil's Bargain", 'Good Intentions', 'A Most Holy Man', ['ScoobyNatural', 'Scooby-Natural'],
    'The Thing', "Bring 'em Back Alive", 'Funeral Jam', 'Unfinished Business', 'Beat the Devil', 'Exodus',
    'Let the Good Times Roll'],
  // Season 14
  ['Stranger in a Strange Land', 'Gods and Monsters', 'The Scar', 'Mint Condition', 'Nightmare Logic', 'Optimism',
    'Unhuman Nature', 'Byzantium', 'The Spear', 'Nihilism', 'Damaged Goods', 'Prophet and Loss', 'Lebanon', 'Ouroboros',
    'Peace of Mind', "Don't Go in the Woods", 'Game Night', 'Absence', 'Jack in the Box', 'Moriah'],
  // Season 15
  ['Back and to the Future', 'Raising Hell', 'The Rupture', 'Atomic Monsters', ['Proverbs 17:3', 'Proverbs 17 3'],
    'Golden Time', 'Last Call', "Our Father, Who Aren't in Heaven", 'The Trap', "The Heroes' Journey", 'The Gamblers',
    'Galaxy Brain', "Destiny's Child", 'Last Holiday', 'Gimme Shelter', ['Drag Me Away (From You)', 'Drag Me Away'],
    'Unity', 'Despair', 'Inherit the Earth', 'Carry On'],
]);

/** Names and events that only exist from a known episode on. */
const HINTS: CanonHint[] = [
  { pattern: 'Castiel', season: 4, episode: 1, strength: 'strong', what: 'Castiel' },
  { pattern: "archangel Gabriel|Gabriel(?:'s| is| was) an archangel|Trickster (?:is|was) (?:really )?Gabriel", season: 5, episode: 8, strength: 'strong', what: 'the Trickster is Gabriel' },
  { pattern: 'soulless Sam|Sam(?: was| is)? without (?:a|his) soul|Sam(?:\'s)? missing soul', season: 6, episode: 7, strength: 'strong', what: "Sam's soul left in the Cage" },
  { pattern: 'Leviathans?', season: 7, episode: 1, strength: 'strong', what: 'the Leviathans' },
  { pattern: "Bobby(?:'s)? (?:death|funeral|ghost)|Bobby (?:died|dies|is dead|was dead)|death of Bobby", season: 7, episode: 10, strength: 'strong', what: "Bobby's death" },
  { pattern: 'Charlie Bradbury', season: 7, episode: 20, strength: 'strong', what: 'Charlie Bradbury' },
  { pattern: 'Kevin Tran', season: 7, episode: 21, strength: 'strong', what: 'Kevin Tran, the prophet' },
  { pattern: "(?:in|from|out of|back from|escaped) Purgatory", season: 7, episode: 23, strength: 'weak', what: 'Dean and Castiel in Purgatory' },
  { pattern: 'Men of Letters', season: 8, episode: 12, strength: 'strong', what: 'the Men of Letters' },
  { pattern: 'the bunker', season: 8, episode: 12, strength: 'weak', what: 'the Men of Letters bunker' },
  { pattern: 'Metatron', season: 8, episode: 21, strength: 'strong', what: 'Metatron' },
  { pattern: 'Mark of Cain|First Blade', season: 9, episode: 11, strength: 'strong', what: 'the Mark of Cain' },
  { pattern: 'demon!?\\s?Dean|Dean (?:became|becomes|is|was|as) a demon', season: 9, episode: 23, strength: 'strong', what: 'Dean as a demon' },
  { pattern: 'Amara', season: 11, episode: 1, strength: 'strong', what: 'Amara, the Darkness' },
  { pattern: 'Chuck (?:is|was|as) God|God (?:is|was) Chuck|Chuck(?:\'s)? (?:being|is really) God', season: 11, episode: 20, strength: 'strong', what: 'Chuck is God' },
  { pattern: 'Mary (?:is )?(?:alive|back from the dead)|Mary(?:\'s)? resurrection|resurrected Mary', season: 11, episode: 23, strength: 'weak', what: 'Mary Winchester brought back' },
  { pattern: 'Jack Kline', season: 13, episode: 1, strength: 'strong', what: 'Jack Kline' },
  { pattern: "Cas(?:tiel)?(?:'s)? confession|Cas(?:tiel)? (?:confessed|confesses)|Castiel's deal with the Empty", season: 15, episode: 18, strength: 'strong', what: "Castiel's confession" },
];

/** Supernatural: the episode guide and canon hints (loaded on demand in pages; see guides.ts). */
export const supernaturalGuide: FandomGuide = { fandom: 'Supernatural', episodes: EPISODES, hints: HINTS };
