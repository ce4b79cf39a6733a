/**
 * Hand-written from reading the five seed articles: the entities a reader would
 * expect /who to know, with their kind, spellings the articles use, and the role
 * the text gives them. Used only by tests; the engine never sees this list.
 */
import type { EntityInfo } from '../../src/types.js';

export interface GoldenEntity {
  name: string;
  kind: EntityInfo['kind'];
  /** Other spellings in the articles that must find the same entity. */
  aliases?: string[];
  /** Words the role/description must contain (case- and accent-insensitive). */
  role?: string;
}

export const GOLDEN_ENTITIES: GoldenEntity[] = [
  // people
  { name: 'Donald Trump', kind: 'person', aliases: ['Trump', 'President Trump', 'the 79-year-old'], role: 'President' },
  { name: 'Nicolás Maduro', kind: 'person', aliases: ['Maduro', 'Nicolas Maduro'], role: 'President' },
  { name: 'Karoline Leavitt', kind: 'person', role: 'White House press secretary' },
  { name: 'Marco Rubio', kind: 'person', aliases: ['Rubio'], role: 'Secretary of State' },
  { name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], role: 'Russian President' },
  { name: 'Xi Jinping', kind: 'person', role: 'President' },
  { name: 'Ramón Celestino Velásquez', kind: 'person', aliases: ['Ramon Celestino Velasquez'], role: 'Transport Minister' },
  { name: 'Mao Ning', kind: 'person', aliases: ['Mao'], role: 'Foreign Ministry spokeswoman' },
  { name: "Norah O'Donnell", kind: 'person', role: 'journalist' },
  { name: 'Pam Bondi', kind: 'person', aliases: ['Bondi'], role: 'Attorney General' },
  { name: 'Dmitry Peskov', kind: 'person', aliases: ['Peskov'], role: 'spokesman' },
  { name: 'Pete Hegseth', kind: 'person', aliases: ['Hegseth'], role: 'Defense Secretary' },
  { name: 'Michael Flynn', kind: 'person', aliases: ['Flynn'], role: 'national security adviser' },
  { name: 'Geoff Ramsey', kind: 'person', role: 'senior fellow at the Atlantic Council' },
  { name: 'James Story', kind: 'person', role: 'diplomat' },
  { name: 'Peter Zeihan', kind: 'person', aliases: ['Zeihan', 'the 52-year-old'], role: 'expert in geopolitics' },
  { name: 'Osama bin Laden', kind: 'person' },
  // the byline of 004 (not in the body text)
  { name: 'Philipp Dahm', kind: 'person', role: 'author' },
  // organisations
  { name: 'Cartel de los Soles', kind: 'organization', aliases: ['Cartel of the Suns'], role: 'drug-trafficking organization' },
  { name: 'Tren de Aragua', kind: 'organization' },
  { name: 'Sinaloa Cartel', kind: 'organization' },
  { name: 'Washington Post', kind: 'organization', aliases: ['WaPo'] },
  { name: 'Miami Herald', kind: 'organization' },
  { name: 'El Nuevo Herald', kind: 'organization' },
  { name: 'Wall Street Journal', kind: 'organization' },
  { name: 'Center for Strategic and International Studies', kind: 'organization' },
  { name: 'CBS', kind: 'organization' },
  { name: 'TASS', kind: 'organization', aliases: ['Tass'] },
  { name: 'Kremlin', kind: 'organization' },
  { name: 'Pentagon', kind: 'organization' },
  { name: 'White House', kind: 'organization' },
  { name: 'Foreign Ministry', kind: 'organization' },
  { name: 'Atlantic Council', kind: 'organization' },
  { name: 'CIA', kind: 'organization' },
  { name: 'Congress', kind: 'organization' },
  { name: 'Navy', kind: 'organization' },
  { name: 'Joint Task Force', kind: 'organization' },
  { name: 'Republicans', kind: 'organization' },
  // places
  { name: 'Venezuela', kind: 'place' },
  { name: 'United States', kind: 'place', aliases: ['US', 'U.S.', 'USA'] },
  { name: 'Russia', kind: 'place' },
  { name: 'China', kind: 'place' },
  { name: 'Iran', kind: 'place', aliases: ['Islamic Republic of Iran'] },
  { name: 'Mexico', kind: 'place' },
  { name: 'Caracas', kind: 'place' },
  { name: 'Beijing', kind: 'place' },
  { name: 'Moscow', kind: 'place' },
  { name: 'Washington', kind: 'place' },
  { name: 'Caribbean', kind: 'place' },
  { name: 'Latin America', kind: 'place' },
  { name: 'Europe', kind: 'place' },
  { name: 'Puerto Rico', kind: 'place' },
  { name: 'Grenada', kind: 'place' },
  { name: 'Florida', kind: 'place' },
  { name: 'Western Hemisphere', kind: 'place' },
  { name: 'Caribbean Sea', kind: 'place' },
  { name: 'Ceiba Air Base', kind: 'place' },
  { name: 'Rafael Hernández Airport', kind: 'place' },
  // named ships and things
  { name: 'USS Gerald R. Ford', kind: 'other', aliases: ['Gerald R. Ford', 'Ford'], role: 'aircraft carrier' },
  { name: 'USS Gettysburg', kind: 'other' },
  { name: 'USS Lake Erie', kind: 'other' },
  { name: 'USS Normandy', kind: 'other' },
  { name: 'USS Thomas Hudner', kind: 'other' },
  { name: 'USS Ramage', kind: 'other' },
  { name: 'USS Carney', kind: 'other' },
  { name: 'USS Roosevelt', kind: 'other' },
  { name: 'USS Iwo Jima', kind: 'other' },
  { name: 'Air Force One', kind: 'other' },
  { name: '60 Minutes', kind: 'other' },
];

/**
 * Real names in the articles that a reader would not insist on (aircraft types, a
 * sub-unit, a TV programme title, a war): neither required nor counted as noise.
 */
export const ACCEPTABLE_EXTRAS = [
  'Gulf War',
  'Latin America Centre',
  'Nimitz',
  'B-52',
  'F-35B',
  'MQ-9 Reaper',
  'P-8',
  'Su.30MK2',
  'Con Maduro',
  'America',
  'Sputnik',
  'AP',
  'Cartel of the Suns',
];

/** Every quotation of four words or more in the seeds, with the speaker the text gives it. */
export interface GoldenQuote {
  source: string;
  contains: string;
  speaker: string;
}

const A = '000_46500a0d823731af.txt';
const B = '001_080066696a52c0c3.txt';
const C = '002_fc5e09306d15ac96.txt';
const D = '003_83f7e1146e4f08e2.txt';
const E = '004_beee981505867bb2.txt';

export const GOLDEN_QUOTES: GoldenQuote[] = [
  { source: A, contains: 'The president is prepared to use every element', speaker: 'Karoline Leavitt' },
  { source: A, contains: 'tricked you into writing a fake story', speaker: 'Marco Rubio' },
  { source: A, contains: 'Amid a buildup of American forces', speaker: 'Washington Post' },
  { source: A, contains: 'The requests to Moscow were made', speaker: 'Washington Post' },
  { source: A, contains: 'In the missive, Maduro emphasized', speaker: 'Washington Post' },
  { source: C, contains: 'Amid a buildup of American forces', speaker: 'Washington Post' },
  { source: C, contains: 'The requests to Moscow were made', speaker: 'Washington Post' },
  { source: C, contains: 'In the missive, Maduro emphasized', speaker: 'Washington Post' },
  { source: B, contains: 'constitutes normal cooperation between sovereign states', speaker: 'China' },
  { source: B, contains: 'China supports strengthened international cooperation', speaker: 'Mao Ning' },
  { source: B, contains: 'opposes any attempt to undermine peace', speaker: 'Mao Ning' },
  { source: B, contains: 'carry out regular judicial and law enforcement', speaker: 'Beijing' },
  { source: B, contains: 'going to war with Venezuela,” but he refused', speaker: 'Donald Trump' },
  { source: B, contains: 'I doubt it.', speaker: 'Donald Trump' },
  { source: B, contains: 'I wouldn’t tell a reporter', speaker: 'Donald Trump' },
  { source: B, contains: 'How could I answer a question like that?', speaker: 'Donald Trump' },
  { source: B, contains: 'It’s got to be somewhere.', speaker: 'Donald Trump' },
  { source: B, contains: 'I’d say yes, I think so.', speaker: 'Donald Trump' },
  { source: B, contains: 'one of the world’s biggest drug traffickers', speaker: 'Pam Bondi' },
  { source: B, contains: 'serene and very productive', speaker: 'Nicolás Maduro' },
  { source: B, contains: 'daily and permanent communication', speaker: 'Nicolás Maduro' },
  { source: B, contains: 'Russia is a global power', speaker: 'Nicolás Maduro' },
  { source: B, contains: 'The relationship with Russia is exemplary', speaker: 'Nicolás Maduro' },
  { source: B, contains: 'We are in contact with our Venezuelan friends', speaker: 'Dmitry Peskov' },
  { source: D, contains: 'We have a lot of drugs pouring into our country', speaker: 'Donald Trump' },
  { source: D, contains: 'Everything is hinging on where this strike took place', speaker: 'Geoff Ramsey' },
  { source: D, contains: 'This is not a deployment focused on regime change', speaker: 'Geoff Ramsey' },
  { source: D, contains: 'The idea of there being an invasion', speaker: 'James Story' },
  { source: D, contains: 'Marco Rubio wants to stain your hands', speaker: 'Nicolás Maduro' },
  { source: E, contains: 'Are we going to go to war with Venezuela?', speaker: "Norah O'Donnell" },
  { source: E, contains: 'Donald Trump replied on November 2', speaker: 'Donald Trump' },
  { source: E, contains: 'they emptied their prisons into our country', speaker: 'Donald Trump' },
  { source: E, contains: 'But they\'ve been treating us very badly', speaker: 'Donald Trump' },
  { source: E, contains: 'It\'s about many things', speaker: 'Donald Trump' },
  { source: E, contains: 'I would say yes.', speaker: 'Donald Trump' },
  { source: E, contains: 'I\'m not telling you that.', speaker: 'Donald Trump' },
  { source: E, contains: 'The Ford is 50 or 100 percent more powerful', speaker: 'Peter Zeihan' },
  { source: E, contains: 'You don\'t send an aircraft carrier anywhere', speaker: 'Peter Zeihan' },
  { source: E, contains: 'The last time an American aircraft carrier', speaker: 'Peter Zeihan' },
  { source: E, contains: 'I would argue that there are much better', speaker: 'Peter Zeihan' },
  { source: E, contains: 'You can knock out a South American government', speaker: 'Peter Zeihan' },
  { source: E, contains: 'We strongly condemn the use of excessive military force', speaker: 'Foreign Ministry' },
  { source: E, contains: 'Such actions violate both US domestic legislation', speaker: 'Foreign Ministry' },
  { source: E, contains: 'Hypothetically speaking, a meeting is possible', speaker: 'Dmitry Peskov' },
  { source: E, contains: 'We need to work very carefully on the details', speaker: 'Dmitry Peskov' },
];
