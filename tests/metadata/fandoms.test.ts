import { describe, expect, it } from 'vitest';
import { canonicalFandom, findFandom, inferFandoms } from '@/utils/metadata/fandom-names';
import { FANDOMS } from '@/utils/fandoms';

describe('fandom data', () => {
  it('knows the fandoms the product was designed around', () => {
    expect(FANDOMS.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'Buffy the Vampire Slayer', 'Angel: the Series', 'Harry Potter', 'Stargate SG-1', 'Supernatural',
        'Star Trek: The Original Series', 'Sherlock (TV)', 'Doctor Who', 'The X-Files', 'due South', 'Smallville',
        'Naruto', 'Teen Wolf',
      ]),
    );
  });

  it('has no shorthand shared by two characters of one fandom, except where fans really collide', () => {
    // Buffy's "D" (Dawn, Drusilla) is a real collision and is kept on purpose to stay ambiguous.
    const collisions: string[] = [];
    for (const fandom of FANDOMS) {
      const seen = new Map<string, string>();
      for (const c of fandom.characters)
        for (const s of c.short ?? []) {
          const key = s.toLowerCase();
          if (seen.has(key) && seen.get(key) !== c.common) collisions.push(`${fandom.name}: ${s}`);
          seen.set(key, c.common);
        }
    }
    expect(collisions).toEqual(['Buffy the Vampire Slayer: D']);
  });
});

describe('canonicalFandom', () => {
  it.each([
    ['BtVS', 'Buffy the Vampire Slayer'],
    ['BTVS', 'Buffy the Vampire Slayer'],
    ['Buffy', 'Buffy the Vampire Slayer'],
    ['Buffy the Vampire Slayer (TV)', 'Buffy the Vampire Slayer'],
    ['buffy the vampire slayer', 'Buffy the Vampire Slayer'],
    ['AtS', 'Angel: the Series'],
    ['Angel (TV)', 'Angel: the Series'],
    ['Harry Potter - J. K. Rowling', 'Harry Potter'],
    ['SG-1', 'Stargate SG-1'],
    ['SPN', 'Supernatural'],
    ['Supernatural (TV 2005)', 'Supernatural'],
    ['Star Trek: TOS', 'Star Trek: The Original Series'],
    ['Sherlock (BBC)', 'Sherlock (TV)'],
    ['Doctor Who (2005)', 'Doctor Who'],
    ['X-Files', 'The X-Files'],
    ['Due South', 'due South'],
    ['Smallville', 'Smallville'],
    ['Naruto', 'Naruto'],
    ['Teen Wolf (TV)', 'Teen Wolf'],
    ['  Teen Wolf  ', 'Teen Wolf'],
  ])('%s → %s', (alias, name) => {
    expect(canonicalFandom(alias)).toBe(name);
  });

  it('passes unknown names through, trimmed', () => {
    expect(canonicalFandom(' Blake\'s 7 ')).toBe("Blake's 7");
    expect(findFandom('Blake\'s 7')).toBeUndefined();
  });
});

describe('inferFandoms', () => {
  it('reads the seed disclaimer', () => {
    expect(
      inferFandoms({
        disclaimer:
          "BTVS and its characters are the loving creations of Joss Whedon in association with Mutant Enemy and the WB. I only wish to play in Joss's universe and mean no infringement of copyrights.",
      }),
    ).toEqual(['Buffy the Vampire Slayer']);
  });

  it.each([
    ['If I owned Buffy, Spike would never have been chipped.', 'Buffy the Vampire Slayer'],
    ['Angel: the Series belongs to Joss Whedon and David Greenwalt.', 'Angel: the Series'],
    ['Everything belongs to J.K. Rowling. No money is being made.', 'Harry Potter'],
    ['Stargate SG-1 is the property of MGM and Gekko Film Corp.', 'Stargate SG-1'],
    ['The boys belong to Eric Kripke, not me.', 'Supernatural'],
    ['Star Trek belongs to Paramount and the estate of Gene Roddenberry.', 'Star Trek: The Original Series'],
    ['Sherlock belongs to Steven Moffat and Mark Gatiss.', 'Sherlock (TV)'],
    ['Chris Carter and 1013 Productions own Mulder and Scully.', 'The X-Files'],
    ['due South belongs to Alliance Atlantis. No harm meant.', 'due South'],
    ['Smallville and its characters belong to Alfred Gough, Miles Millar and DC Comics.', 'Smallville'],
    ['Naruto belongs to Masashi Kishimoto.', 'Naruto'],
    ['Teen Wolf belongs to Jeff Davis and MTV.', 'Teen Wolf'],
    ['The TARDIS and everyone in it belong to the BBC.', 'Doctor Who'],
  ])('disclaimer %s', (disclaimer, fandom) => {
    expect(inferFandoms({ disclaimer })[0]).toBe(fandom);
    expect(inferFandoms({ disclaimer })).toHaveLength(1);
  });

  it('reads a crossover disclaimer, both fandoms', () => {
    const got = inferFandoms({ disclaimer: 'BtVS belongs to Joss Whedon; Stargate SG-1 belongs to MGM.' });
    expect([...got].sort()).toEqual(['Buffy the Vampire Slayer', 'Stargate SG-1']);
  });

  it('reads the fandom named in the title or summary', () => {
    expect(inferFandoms({ title: 'A Smallville Christmas' })).toEqual(['Smallville']);
    expect(inferFandoms({ summary: 'A Supernatural AU where the boys run a bakery.' })).toEqual(['Supernatural']);
  });

  it('does not take "supernatural" the adjective for the show', () => {
    expect(inferFandoms({ summary: 'A supernatural romance in a small town.' })).toEqual([]);
  });

  it('reads a cast of several distinct characters', () => {
    expect(inferFandoms({ characters: ['Mulder', 'Scully', 'Skinner'] })).toEqual(['The X-Files']);
    expect(inferFandoms({ relationships: ['Stiles/Derek'], characters: ['Scott', 'Lydia'] })).toEqual(['Teen Wolf']);
  });

  it('reads the cast in the opening text', () => {
    const text =
      'A night had passed since Buffy had vanquished the Gentlemen. Spike sat in the tub. Xander and Giles argued over who would keep him.';
    expect(inferFandoms({ text })).toEqual(['Buffy the Vampire Slayer']);
  });

  it('prefers Buffy over Angel when the cast is shared and Buffy has more', () => {
    expect(inferFandoms({ characters: ['Angel', 'Spike', 'Buffy', 'Willow', 'Xander'] })).toEqual(['Buffy the Vampire Slayer']);
  });

  it('reads Angel from a cast with a character only Angel has', () => {
    expect(inferFandoms({ characters: ['Angel', 'Cordelia', 'Wesley', 'Gunn'] })).toEqual(['Angel: the Series']);
  });

  it('does not choose between fandoms whose casts are the same', () => {
    expect(inferFandoms({ characters: ['Angel', 'Cordelia', 'Wesley'] })).toEqual([]);
  });

  it('does not read everyday words in prose as characters', () => {
    expect(inferFandoms({ text: 'Dawn broke over the river. Rose kept her faith in Harmony Street, where Amy lived.' })).toEqual([]);
  });

  it('needs more characters in prose than in a character list', () => {
    expect(inferFandoms({ text: 'John and Sam waited for Bobby at the diner.' })).toEqual([]);
    expect(inferFandoms({ characters: ['Dean', 'Sam', 'Bobby'] })).toEqual(['Supernatural']);
  });

  it('finds a crossover cast', () => {
    const got = inferFandoms({ characters: ['Xander', 'Willow', 'Giles', "Jack O'Neill", 'Daniel Jackson', "Teal'c"] });
    expect([...got].sort()).toEqual(['Buffy the Vampire Slayer', 'Stargate SG-1']);
  });

  it('finds nothing on thin evidence', () => {
    expect(inferFandoms({})).toEqual([]);
    expect(inferFandoms({ disclaimer: 'I own nothing. Please do not sue.' })).toEqual([]);
    expect(inferFandoms({ characters: ['Dean', 'Sam'] })).toEqual([]);
    expect(inferFandoms({ text: 'Rose walked to the river at dawn.' })).toEqual([]);
    expect(inferFandoms({ relationships: ['X/S'] })).toEqual([]);
  });

  it('does not choose between fandoms on evidence they share', () => {
    // Joss Whedon and Mutant Enemy made both Buffy and Angel.
    expect(inferFandoms({ disclaimer: 'All characters belong to Joss Whedon and Mutant Enemy.' })).toEqual([]);
  });
});
