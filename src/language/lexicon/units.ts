/** Numbers written as words, qualifiers of figures, units, and the nouns news prose counts. */

const list = (s: string) => s.trim().split(/\s+/);

/** Spelled-out numbers below twenty. */
export const NUMBER_UNITS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
/** Denominators of a fraction written in words ("two-thirds", "three quarters", "half an acre"). */
export const FRACTION_DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};
/**
 * Units of length and area that an article before them makes one of ("up to a mile", "about an acre", "a square mile"):
 * words only, not "yard" (a garden) nor "meter" (a device) nor any abbreviation.
 */
export const ONE_UNIT_WORDS: readonly string[] = list('mile kilometre kilometer metre foot inch acre hectare');
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
  nearly: [0.8, 1], almost: [0.8, 1], 'fewer than': [0.8, 0.9999], 'less than': [0.8, 0.9999], 'up to': [0, 1], 'as many as': [0, 1],
  about: [0.85, 1.15], around: [0.85, 1.15], roughly: [0.85, 1.15], approximately: [0.85, 1.15], some: [0.85, 1.15], 'an estimated': [0.85, 1.15],
  'close to': [0.9, 1.0001], 'at most': [0, 1], 'just over': [1.0001, 1.15], 'just under': [0.85, 0.9999],
};
/**
 * Qualifiers that bound a figure from one side: "more than 1,000" from below, "fewer than 1,000" from above. Two
 * figures bounded from opposite sides of one number contradict each other, however near the number.
 */
export const BOUND_DIRECTIONS: Readonly<Record<string, 'above' | 'below'>> = {
  'more than': 'above', over: 'above', 'upwards of': 'above', 'at least': 'above', 'just over': 'above',
  'fewer than': 'below', 'less than': 'below', 'up to': 'below', 'at most': 'below', 'as many as': 'below', 'just under': 'below',
};
/** The qualifiers, in the order figure patterns try them. */
export const QUALIFIERS: readonly string[] = [
  'more than', 'over', 'at least', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'up to', 'fewer than',
  'less than', 'as many as', 'an estimated', 'upwards of', 'close to', 'at most', 'just over', 'just under',
];

/** Units of time, distance and repetition: "50 years", "10 miles" are spans, not counts of things. */
export const UNIT_NOUNS: ReadonlySet<string> = new Set(
  list(`years months weeks days hours minutes seconds decades centuries times miles kilometers kilometres km metres meters feet inches
    yards degrees points percent ones others hundreds thousands millions dozens`),
);

/** Nouns that count reports *of* something: "23 reports of burns" counts burns. */
export const MEASURE_NOUNS: ReadonlySet<string> = new Set(list('reports cases incidents instances complaints claims counts accounts allegations'));

/** Adjectives that name people as a plural noun after "the" ("74 of the deceased", "12 of the injured"): what a partitive counts. */
export const PEOPLE_ADJECTIVES: ReadonlySet<string> = new Set(list('dead deceased injured wounded missing'));

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
export const FIGURE_NOUNS: readonly string[] = list('number figure total tally toll count');

/**
 * Words before a figure noun that say which reading of it is meant, not what it counts ("the official death toll", "the
 * total number of dead", "the same number"): the counted thing is the noun before them or after "of".
 */
export const FIGURE_NOUN_ADJECTIVES: ReadonlySet<string> = new Set(
  list('official confirmed latest current final new initial overall total known reported estimated same record provisional preliminary revised updated grim rising exact actual full whole daily weekly'),
);

/**
 * Words hyphened to a number that make no count of themselves ("three-fold", "30-odd", "20-something", "40-plus"):
 * a number glued to any other noun counts it ("a 14-story tower", "a five-bedroom house", "a 10-point plan").
 */
export const HYPHEN_NOT_COUNTED: ReadonlySet<string> = new Set(list('fold odd something plus ish way time times'));

/** What a figure measures. "count" has a counted noun; "number" is a bare number whose noun the text does not give. */
export type FigureKind =
  | 'count' | 'number' | 'money' | 'percent' | 'age' | 'speed' | 'distance' | 'length' | 'depth' | 'height' | 'area' | 'volume'
  | 'weight' | 'duration' | 'temperature' | 'clock' | 'date' | 'year' | 'ordinal';

/** A unit of measure: the canonical name shown, what it measures, and its written forms (longest match wins). */
export interface MeasureUnit {
  unit: string;
  kind: FigureKind;
  forms: readonly string[];
  /** For a span of time: how many days one of it is (a night one day, a month 30). */
  days?: number;
}

/** Units written after a number ("150 mph", "400 metres", "96 hours"). Forms are matched case-insensitively, whole words. */
export const MEASURE_UNITS: readonly MeasureUnit[] = [
  { unit: 'mph', kind: 'speed', forms: ['mph', 'miles per hour', 'mile per hour', 'miles an hour', 'mile an hour'] },
  { unit: 'km/h', kind: 'speed', forms: ['km/h', 'kmh', 'kph', 'kilometres per hour', 'kilometers per hour', 'kilometres an hour', 'kilometers an hour'] },
  { unit: 'knots', kind: 'speed', forms: ['knots', 'knot', 'kn'] },
  { unit: 'sq km', kind: 'area', forms: ['square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'sq km', 'km2', 'km²'] },
  { unit: 'sq miles', kind: 'area', forms: ['square miles', 'square mile', 'sq miles', 'sq mi'] },
  { unit: 'sq m', kind: 'area', forms: ['square metres', 'square meters', 'square feet', 'sq ft', 'm2', 'm²'] },
  { unit: 'hectares', kind: 'area', forms: ['hectares', 'hectare', 'acres', 'acre'] },
  { unit: 'cubic m', kind: 'volume', forms: ['cubic metres', 'cubic meters', 'cubic metre', 'cubic meter', 'cubic feet', 'm3', 'm³'] },
  { unit: 'litres', kind: 'volume', forms: ['litres', 'liters', 'litre', 'liter', 'gallons', 'gallon'] },
  { unit: 'nautical miles', kind: 'distance', forms: ['nautical miles', 'nautical mile', 'nm'] },
  { unit: 'km', kind: 'distance', forms: ['km', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'kms'] },
  { unit: 'miles', kind: 'distance', forms: ['miles', 'mile', 'mi'] },
  { unit: 'm', kind: 'distance', forms: ['metres', 'meters', 'metre', 'meter', 'm'] },
  { unit: 'cm', kind: 'distance', forms: ['centimetres', 'centimeters', 'centimetre', 'centimeter', 'cm', 'millimetres', 'millimeters', 'mm'] },
  { unit: 'feet', kind: 'distance', forms: ['feet', 'foot', 'ft'] },
  { unit: 'yards', kind: 'distance', forms: ['yards', 'yard'] },
  { unit: 'inches', kind: 'distance', forms: ['inches', 'inch'] },
  { unit: 'tonnes', kind: 'weight', forms: ['tonnes', 'tonne', 'tons', 'ton', 'metric tons', 'metric tonnes', 't'] },
  { unit: 'kg', kind: 'weight', forms: ['kilograms', 'kilogrammes', 'kilogram', 'kilos', 'kilo', 'kg', 'kgs'] },
  { unit: 'lb', kind: 'weight', forms: ['pounds', 'pound', 'lbs', 'lb'] },
  { unit: 'barrels', kind: 'volume', forms: ['barrels', 'barrel'] },
  { unit: 'degrees', kind: 'temperature', forms: ['degrees celsius', 'degrees fahrenheit', 'degrees', '°c', '°f'] },
  { unit: 'seconds', kind: 'duration', forms: ['seconds', 'second', 'secs'], days: 1 / 86_400 },
  { unit: 'minutes', kind: 'duration', forms: ['minutes', 'minute', 'mins'], days: 1 / 1_440 },
  { unit: 'hours', kind: 'duration', forms: ['hours', 'hour', 'hrs'], days: 1 / 24 },
  { unit: 'days', kind: 'duration', forms: ['days', 'day'], days: 1 },
  { unit: 'nights', kind: 'duration', forms: ['nights', 'night'], days: 1 },
  { unit: 'weeks', kind: 'duration', forms: ['weeks', 'week'], days: 7 },
  { unit: 'months', kind: 'duration', forms: ['months', 'month'], days: 30 },
  { unit: 'years', kind: 'duration', forms: ['years', 'year'], days: 365 },
  { unit: 'decades', kind: 'duration', forms: ['decades', 'decade'], days: 3_650 },
];

/** Days in one of each unit of time ("hours" → 1/24), from the table above. */
export const DURATION_DAYS: Readonly<Record<string, number>> = Object.fromEntries(MEASURE_UNITS.filter((u) => u.days).map((u) => [u.unit, u.days!]));

/** Currency signs and words: "$5m", "5 million dollars", "€2bn". */
export const CURRENCIES: Readonly<Record<string, string>> = {
  $: '$', '€': '€', '£': '£', '¥': '¥', 'us$': '$', usd: '$', dollars: '$', dollar: '$', euros: '€', euro: '€', yen: '¥', baht: 'baht', rupees: 'rupees',
  'egyptian pounds': 'E£',
};

/** Marks after a number that make it a time of day ("10 p.m.", "8:30am"). */
export const CLOCK_MARKS: readonly string[] = list("a.m. p.m. am pm a.m p.m o'clock gmt utc bst edt est pdt pst");

/** Marks written after an hour and minutes only ("15:05hrs", "09:30 h"): after a bare number they are a duration ("15 hrs"). */
export const CLOCK_MINUTE_MARKS: readonly string[] = list('hrs hr h hours');

/** Adjectives after a length that say which dimension it is ("400 metres long", "3,800 metres deep"). */
export const DIMENSION_WORDS: Readonly<Record<string, FigureKind>> = {
  long: 'length', length: 'length', wide: 'length', width: 'length', deep: 'depth', depth: 'depth', down: 'depth', below: 'depth', high: 'height', tall: 'height', height: 'height',
  away: 'distance', from: 'distance', far: 'distance', inside: 'distance', into: 'distance',
};

/** Nouns that name a group counted by "of N" ("a crew of 25", "a population of 5,000"): the group is what is counted. */
export const COLLECTIVE_NOUNS: ReadonlySet<string> = new Set(list('crew team squad group party delegation convoy fleet population workforce staff contingent queue backlog total toll tally'));

/** Modifiers that say which kind of a counted thing ("power outages" vs "water outages"): kept in the noun, never dropped. */
export const SOFT_COUNT_MODIFIERS: ReadonlySet<string> = new Set(list('accused suspected alleged reported additional more other new about some further extra'));

/** Words that end a counted noun phrase ("40,000 kettles after …", "42,000 kettles last week"). */
export const COUNT_PHRASE_STOPS: ReadonlySet<string> = new Set(
  list('after before since until during last next this that these those per each ago across among against via amid including ahead'),
);

/** Function words inside a figure's phrase that a counted noun skips or stops at ("40 of the kettles"). */
export const PHRASE_FUNCTION_WORDS: ReadonlySet<string> = new Set(list('of in on at to and or from for with by as the a an that who which were was have has had are is'));

/** Words that end a counted noun phrase ("600 jobs after …", "450 jobs it said"). */
export const NOUN_PHRASE_STOPS: ReadonlySet<string> = new Set([
  ...PHRASE_FUNCTION_WORDS,
  ...list(`after before since last next this than per each into over under across while when because but so including between during until
    about up out down it they we he she not be been will would could can may had its their`),
]);

/** Words between a figure and its verb that say nothing about the action ("had already", "reportedly"). */
export const FIGURE_FILLERS: ReadonlySet<string> = new Set(
  list('a an the some its their his her our only just another had has have been was were is are be also already now since then reportedly allegedly'),
);

/** Irregular past forms a figure's verb may take ("sold 40,000", "cut 450 jobs"). */
export const IRREGULAR_PAST_VERBS: ReadonlySet<string> = new Set(
  list('sold made built cut paid lost won took gave found hit put set spent held shut laid sent bought brought got raised fired hired left drew struck shot seized sank saw told kept let ran'),
);

/** Verbs of a quantity changing, in every form ("shares fell 15%", "the stock tanked"): "how bad did it drop" asks by how much. */
export const CHANGE_VERBS: readonly string[] = list(
  'drop dropped drops dropping fall fell fallen falls falling tank tanked tanks plunge plunged plunges plummet plummeted plummets sink sank sunk sinks slide slid slides slump slumped slumps crash crashed crashes decline declined declines dip dipped dips tumble tumbled tumbles sag sagged shrink shrank shrunk rise rose risen rises climb climbed climbs jump jumped jumps soar soared soars surge surged surges spike spiked grow grew grown grows increase increased increases decrease decreased decreases',
);

/** Verbs that report or tally a figure rather than say what happened to it ("counted", "logged", "said"), as lemmas. */
export const TALLY_VERBS: readonly string[] = list('receive count report record log confirm link tally document identify find total reach estimate list cite register track note include put say tell see have');

/** Word families that make a count a count of the dead ("killed", "died", "deaths", "fatalities"): roots of the tokenizer. */
export const CASUALTY_ROOTS: ReadonlySet<string> = new Set(['kill', 'die']);

/** Figure kinds that measure something (a distance, a speed, a weight, a span of time) rather than count it. */
export const MEASURE_KINDS: ReadonlySet<FigureKind> = new Set(['distance', 'length', 'depth', 'height', 'speed', 'weight', 'duration', 'area', 'volume']);

/** Figure kinds that are never a count of things: the measures, and times, dates, years, ages, ordinals, temperatures. */
export const NON_COUNT_KINDS: ReadonlySet<FigureKind> = new Set(['clock', 'date', 'year', 'age', 'ordinal', 'temperature', ...MEASURE_KINDS]);

/** "How far / fast / heavy / deep / tall / high / long": the adjective a question measures with, and the kinds of figure that answer it. */
export const HOW_MEASURES: Readonly<Record<string, readonly FigureKind[]>> = {
  far: ['distance'], fast: ['speed'], heavy: ['weight'], deep: ['depth'], tall: ['height'], high: ['height'], long: ['length', 'duration'],
};

/** Verbs that state a measure of their subject ("the vessel weighs 10 tonnes", "the storm packed winds of"): found like the measure's nouns. */
export const MEASURE_VERBS: Readonly<Partial<Record<FigureKind, readonly string[]>>> = {
  weight: list('weigh weighs weighed weighing'),
};

/**
 * Verbs (lemmas) whose object is a measure of their subject, not a thing acted on ("the tree covers nearly two-thirds of
 * an acre", "the bridge spans 400 metres", "the ship weighs 200,000 tonnes").
 */
export const MEASURE_OBJECT_VERBS: ReadonlySet<string> = new Set(list('cover span weigh measure occupy encompass stretch'));

/** Words after a measure that say which dimension it is and stay with its unit ("20 miles long", "3 km away"). */
export const DIMENSION_ADJECTIVES: readonly string[] = list('long deep high tall wide away');

/** Words that tie a measure to the place or thing it is measured from or belongs to ("1,600 feet from the bow", "below the surface"). */
export const MEASURE_ANCHORS: readonly string[] = list('from off of to into inside below beneath under long deep high');

/** Verbs that state a measure of their subject ("the cave is 20 miles long", "the ship measures 400 metres"). */
export const MEASURING_VERBS: readonly string[] = list('is was are were measures measured stretches stretched runs ran lies lay sits sat');

/** Verbs that say a figure changed over time ("rose to", "has since fallen"): base, past, past participle. */
export const TREND_VERBS: readonly (readonly [base: string, past: string, participle: string])[] = [
  ['grow', 'grew', 'grown'], ['rise', 'rose', 'risen'], ['increase', 'increased', 'increased'], ['climb', 'climbed', 'climbed'], ['jump', 'jumped', 'jumped'],
  ['swell', 'swelled', 'swelled'], ['fall', 'fell', 'fallen'], ['drop', 'dropped', 'dropped'], ['decline', 'declined', 'declined'], ['decrease', 'decreased', 'decreased'],
];

/** Phrases that present a figure as a later value of a changing one ("up from 4,500", "has since", "no longer"). */
export const TREND_PHRASES: readonly string[] = ['up from', 'down from', 'now stands', 'has since', 'since then', 'no longer'];

/** "… than first thought", "… than previously reported": a figure revised from an earlier one (when, and how it was first given). */
export const REVISION_WHEN: readonly string[] = list('first initially previously earlier');
export const REVISION_VERBS: readonly string[] = list('thought reported estimated believed feared');

/** Country words before a counted noun that do not change what is counted ("U.S. troops" are troops). */
export const COUNT_COUNTRY_MODIFIERS: ReadonlySet<string> = new Set(list('u.s. us american'));

/**
 * Nouns that name a value on a scale by the plain number after them ("a magnitude 5.4 tremor", "a level 4 alert", "a
 * category 3 storm"): the number is what the noun measures, so another number after the same noun is another value.
 */
export const SCALE_LABELS: readonly string[] = list('magnitude level category grade stage phase class force');
