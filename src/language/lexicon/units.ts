/** Numbers written as words, qualifiers of figures, units, and the nouns news prose counts. */

const list = (s: string) => s.trim().split(/\s+/);

/** Spelled-out numbers below twenty. */
export const NUMBER_UNITS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
/** Spelled-out tens. */
export const NUMBER_TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Every number word with its value, "hundred" and "dozen" included. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = { ...NUMBER_UNITS, ...NUMBER_TENS, hundred: 100, dozen: 12 };
/** Scale words after a figure ("4.5 million", "$2bn"). */
export const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9 };
/** Vague amounts written as words ("dozens", "hundreds", "twice"). */
export const VAGUE_AMOUNTS: readonly string[] = list('dozens hundreds thousands millions twice double doubled');

/**
 * Qualifiers of a figure and the range of true values each allows, as a factor of
 * the figure ("nearly 100" is 80–100, "more than 100" above 100).
 */
export const QUALIFIER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  'more than': [1.0001, Infinity], over: [1.0001, Infinity], 'upwards of': [1.0001, Infinity], 'at least': [1, Infinity],
  nearly: [0.8, 1], almost: [0.8, 1], 'fewer than': [0.8, 1], 'less than': [0.8, 1], 'up to': [0, 1], 'as many as': [0, 1],
  about: [0.85, 1.15], around: [0.85, 1.15], roughly: [0.85, 1.15], approximately: [0.85, 1.15], some: [0.85, 1.15], 'an estimated': [0.85, 1.15],
};
/** The qualifiers, in the order figure patterns try them. */
export const QUALIFIERS: readonly string[] = [
  'more than', 'over', 'at least', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'up to', 'fewer than',
  'less than', 'as many as', 'an estimated', 'upwards of',
];

/** Units of time, distance and repetition: "50 years", "10 miles" are spans, not counts of things. */
export const UNIT_NOUNS: ReadonlySet<string> = new Set(
  list(`years months weeks days hours minutes seconds decades centuries times miles kilometers kilometres km metres meters feet inches
    yards degrees points percent ones others hundreds thousands millions dozens`),
);

/** Nouns that count reports *of* something: "23 reports of burns" counts burns. */
export const MEASURE_NOUNS: ReadonlySet<string> = new Set(list('reports cases incidents instances complaints claims counts accounts allegations'));

/** Plurals that do not end in -s, and nouns whose plural is the singular. */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(
  list('people children men women staff personnel cattle sheep fish aircraft police livestock deer geese mice teeth feet'),
);

/** A category of counted things: the label shown and the group figures are compared within. */
export interface CountedCategory {
  group: string;
  label: string;
  nouns: readonly string[];
}

/** Countable news nouns by what they count (plural forms as written). */
export const COUNTED_NOUNS: readonly CountedCategory[] = [
  { group: 'troops', label: 'Troops', nouns: list('troops troop soldiers personnel marines sailors servicemembers reservists fighters') },
  { group: 'ships', label: 'Ships', nouns: list('warships ships vessels destroyers cruisers submarines carriers frigates boats gunboats') },
  { group: 'aircraft', label: 'Aircraft', nouns: list('aircraft jets bombers planes helicopters drones f-35s f-35bs') },
  { group: 'strikes', label: 'Strikes', nouns: list('strikes airstrikes attacks raids operations sorties') },
  { group: 'weapons', label: 'Weapons', nouns: list('missiles rockets tanks shells launchers') },
  { group: 'casualties', label: 'Casualties', nouns: list('deaths dead fatalities casualties injured wounded victims') },
  { group: 'people', label: 'People', nouns: list('people civilians migrants refugees residents prisoners detainees hostages workers protesters arrests evacuees') },
  { group: 'quantity', label: 'Quantity', nouns: list('tons tonnes kilograms barrels pounds') },
  { group: 'flights', label: 'Flights', nouns: list('flights') },
  { group: 'buildings', label: 'Buildings', nouns: list('homes houses buildings schools hospitals') },
];

/** Nouns that stand for a figure already given ("that number", "the total"). */
export const FIGURE_NOUNS: readonly string[] = list('number figure total tally count');
