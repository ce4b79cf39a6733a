/**
 * Words around a name that show what kind of thing it names: a person's trade or
 * relation ("businessman", "son"), a place noun ("the town of", "Mae district"), a
 * vessel, storm, product or event noun ("the Titan submersible", "Hurricane
 * Laura"), modifiers glued to a name ("United States-based", "Canadian-owned"),
 * and the pronouns and nouns that refer back to a named thing. General English,
 * never a story's names.
 */

const list = (s: string) => s.trim().split(/\s+/);

/** The kinds an entity can have. */
export type EntityKindName = 'person' | 'organization' | 'place' | 'other';

/** Finer kinds of "other" things. */
export type ThingKind = 'vessel' | 'aircraft' | 'storm' | 'product' | 'event';

/**
 * Nouns for a person's trade, standing or relation that come before a name or head
 * its apposition ("British businessman X", "his son X", "X, a retired pilot").
 * Title words (president, minister, spokesman…) are in titles.ts; these are the rest.
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  list(`
    businessman businesswoman businessmen billionaire millionaire entrepreneur tycoon magnate investor banker industrialist
    pilot co-pilot copilot diver divers explorer adventurer mountaineer climber sailor captain skipper crewman crewmember navigator engineer scientist
    oceanographer geologist physicist biologist doctor physician surgeon nurse medic paramedic teacher student pupil professor lecturer
    filmmaker director producer actor actress singer musician artist author writer novelist poet photographer photojournalist blogger
    footballer player athlete goalkeeper striker coach trainer referee swimmer cyclist
    monk priest nun cleric
    father mother son daughter brother sister husband wife widow widower uncle aunt nephew niece cousin grandfather grandmother grandson granddaughter
    boy girl man woman teenager child baby mr mrs ms miss
    resident villager farmer fisherman fishermen worker volunteer survivor victim witness passenger passengers tourist tourists mourner
    owner founder co-founder cofounder partner colleague friend neighbour neighbor veteran
    soldier officer trooper sergeant rescuer firefighter policeman policewoman detective guard
    politician lawmaker legislator congressman congresswoman senator candidate voter activist campaigner protester
    lawyer attorney barrister solicitor judge prosecutor defendant plaintiff suspect
    spokesperson spokesman spokeswoman analyst expert specialist consultant adviser advisor economist historian researcher
    journalist reporter correspondent editor columnist presenter anchor host
    heir heiress prince princess king queen duke duchess majesty highness excellency
    vice-chairman vice-chairwoman vice-president chairman chairwoman chairperson trustee
    cto cfo coo cio cmo ceo
  `),
);

/** The oldest age a person is written with: past it, "the 850-year-old" is a building's or a tree's age. */
export const MAX_PERSON_AGE = 120;

/** Nouns for places, written after a place name ("Mae Sai district") or before it with "of" ("the port of Suez"). */
export const PLACE_NOUNS: ReadonlySet<string> = new Set(
  list(`
    town city village hamlet port harbour harbor district province county state region prefecture municipality borough suburb neighbourhood neighborhood
    capital island islands peninsula coast coastline bay gulf lake river sea ocean mountain mountains valley canal strait desert
    subdistrict commune parish township territory cave caves
  `),
);

/** Nouns that show a name is a vessel, aircraft, storm, product or event ("the Titan submersible", "the container ship X"). */
export const THING_NOUNS: Readonly<Record<string, ThingKind>> = {
  ...Object.fromEntries(
    list(`
      ship ships vessel vessels boat boats submersible submarine sub sub's yacht tanker freighter liner cruise-ship icebreaker ferry trawler tug tugboat
      barge carrier warship frigate destroyer cruiser shipwreck wreck wreckage dredger steamer schooner catamaran dinghy lifeboat
    `).map((w) => [w, 'vessel' as const]),
  ),
  ...Object.fromEntries(list('aircraft plane planes jet jets airliner helicopter drone rocket spacecraft satellite').map((w) => [w, 'aircraft' as const])),
  ...Object.fromEntries(list('storm hurricane typhoon cyclone tornado blizzard').map((w) => [w, 'storm' as const])),
  ...Object.fromEntries(
    list('app website software platform vehicle chatbot browser device smartphone phone tablet laptop console vaccine drug model operating-system program programme update game').map((w) => [
      w,
      'product' as const,
    ]),
  ),
  ...Object.fromEntries(list('festival tournament championship marathon olympics').map((w) => [w, 'event' as const])),
};

/** Capitalised words that open the name of a thing ("Hurricane Laura", "Tropical Storm Fay", "Operation Thunder"). */
export const THING_PREFIXES: Readonly<Record<string, ThingKind>> = {
  hurricane: 'storm',
  storm: 'storm',
  typhoon: 'storm',
  cyclone: 'storm',
  tropical: 'storm',
  operation: 'event',
};

/** Capitalised words that open a place's name ("Port Ellery", "Mount Kora", "Lake Tana", "Fort Ross"). */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(list('port mount mt lake fort cape isle'));

/** Verbs whose subject is a vessel ("the Horizon Arctic docked", "X ran aground"). */
export const VESSEL_VERBS: readonly string[] = list(`
  docked docks sailed sails sank sinks capsized capsizes refloated moored berthed anchored ran-aground runs-aground set-sail sets-sail
  imploded implodes surfaced submerged
`).map((w) => w.replace(/-/g, ' '));

/**
 * Endings that glue a modifier to the name that follows ("United States-based
 * Pelagic Research Services", "Canadian-owned Polar Prince", "German-born X"): the
 * modifier is not part of the name.
 */
export const MODIFIER_SUFFIXES: readonly string[] = list('based owned flagged registered linked backed led run funded born operated controlled headquartered affiliated');

/** A pronoun that can refer back to a named thing, with what it says about it. */
export interface PronounCue {
  /** person: only people; thing: not a person; any: people, organisations or groups. */
  animacy: 'person' | 'thing' | 'any';
  gender?: 'male' | 'female';
  number: 'singular' | 'plural';
}

/** Pronouns resolved to the entity they stand for. */
export const PRONOUNS: Readonly<Record<string, PronounCue>> = {
  he: { animacy: 'person', gender: 'male', number: 'singular' },
  him: { animacy: 'person', gender: 'male', number: 'singular' },
  his: { animacy: 'person', gender: 'male', number: 'singular' },
  himself: { animacy: 'person', gender: 'male', number: 'singular' },
  she: { animacy: 'person', gender: 'female', number: 'singular' },
  her: { animacy: 'person', gender: 'female', number: 'singular' },
  hers: { animacy: 'person', gender: 'female', number: 'singular' },
  herself: { animacy: 'person', gender: 'female', number: 'singular' },
  it: { animacy: 'thing', number: 'singular' },
  its: { animacy: 'thing', number: 'singular' },
  itself: { animacy: 'thing', number: 'singular' },
  they: { animacy: 'any', number: 'plural' },
  them: { animacy: 'any', number: 'plural' },
  their: { animacy: 'any', number: 'plural' },
};

/** Honorifics and words that show a person's gender ("Mr", "his son", "the businesswoman"). */
export const GENDER_WORDS: Readonly<Record<string, 'male' | 'female'>> = {
  ...Object.fromEntries(
    list('mr sir lord king prince duke father son brother husband uncle nephew grandfather grandson businessman spokesman chairman congressman policeman fisherman boy man widower monk priest actor heir')
      .map((w) => [w, 'male' as const]),
  ),
  ...Object.fromEntries(
    list('mrs ms miss dame lady queen princess duchess mother daughter sister wife aunt niece grandmother granddaughter businesswoman spokeswoman chairwoman congresswoman policewoman girl woman widow nun actress heiress')
      .map((w) => [w, 'female' as const]),
  ),
};

/**
 * Nouns that refer back to a named organisation, place or thing after "the"
 * ("the company said", "the Florida newspaper", "the vessel"): the kind they can refer to.
 */
export const REFERRING_NOUNS: Readonly<Record<string, EntityKindName>> = {
  ...Object.fromEntries(
    list(`
      company firm group agency newspaper paper publication outlet broadcaster network daily ministry department authority government
      organisation organization charity team club union association institute university council committee operator insurer manufacturer
      maker retailer airline contractor subsidiary startup bank
    `).map((w) => [w, 'organization' as const]),
  ),
  ...Object.fromEntries(list('town city village country port island province district region state capital').map((w) => [w, 'place' as const])),
  ...Object.fromEntries(list('ship vessel boat submersible sub submarine tanker liner yacht storm hurricane typhoon app aircraft plane').map((w) => [w, 'other' as const])),
};

/** Verbs that introduce a name ("a dog named Rex", "the ship called Titan", "the storm dubbed Eunice"). */
export const NAMING_VERBS: ReadonlySet<string> = new Set(list('named called dubbed'));

/** Modifier endings that only organisations take ("Houston-based", "state-run", "Nasdaq-listed"). */
export const ORG_MODIFIER_SUFFIXES: ReadonlySet<string> = new Set(list('based run backed funded controlled headquartered affiliated listed'));

/** Words besides the compass points that place something relative to a place before "of" ("outside of Caracas", "downtown of …"). */
export const PLACE_OF_WORDS: readonly string[] = list('outside downtown');
