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
