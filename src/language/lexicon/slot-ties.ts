/**
 * How an answer's words are tied to what a question asks (src/evidence/short.ts): the words that
 * open a new clause (a filler in another clause than the question's verb fills another slot), and
 * the nouns that, written after a name and before "of", make the name a modifier ("the Suez Canal
 * city of Ismailia": the place is Ismailia). General English, never a story's words.
 */

/** Words that open a subordinate or relative clause. */
export const CLAUSE_OPENERS: readonly string[] = [
  'which', 'who', 'whom', 'whose', 'that', 'while', 'whereas', 'when', 'because', 'although', 'though',
  'after', 'before', 'since', 'until', 'unless', 'if', 'but', 'so that', 'as well as',
];

/** Marks that end a clause. */
export const CLAUSE_MARKS = ';:()"“”';

/** Nouns of a place that a name before them only modifies when "of <name>" follows ("the Suez Canal city of Ismailia"). */
export const PLACE_KIND_NOUNS: readonly string[] = [
  'city', 'town', 'village', 'port', 'province', 'state', 'region', 'district', 'county', 'island', 'capital', 'municipality', 'suburb', 'area',
];

/**
 * Head nouns of a "which …" place question that any place name may fill ("which town", "what country"): the kinds of
 * place above and the generic ones. Any other head ("which hospital") is a facility a place fills only when named or
 * described so.
 */
export const ANY_PLACE_HEADS: ReadonlySet<string> = new Set([
  ...PLACE_KIND_NOUNS,
  ...'place location country nation spot site part side direction destination continent neighbourhood neighborhood street road'.split(' '),
]);

/** Head nouns a country's name fills by itself ("what country", "which nations"): a country is one, named so or not. */
export const COUNTRY_HEADS: ReadonlySet<string> = new Set(['country', 'nation', 'state']);

/** Units of time a frequency is written in ("every 30 minutes", "at 30 minute intervals"). */
export const FREQUENCY_UNITS: readonly string[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];

/** Question words that ask how often ("how often", "how frequently"). */
export const FREQUENCY_QUESTION_RE = /\bhow (?:often|frequently)\b/i;

/** What a weight or volume is of, written right after it ("764 tons of hazardous material", "500 barrels of oil"): up to three words. (An area or distance "of" names the place it spans: "10,000 square miles of ocean".) */
export const MEASURE_OF_RE = /^\s*of\s+(?:the\s+|its\s+|their\s+)?((?:[\p{L}-]+\s*){1,3})/u;

/**
 * Participles that open a clause set off after a noun phrase and date it ("the Ever Given, built in 2018,", "the club,
 * founded in 1990,"): the date is that phrase's. Any regular "-ed" participle does too.
 */
export const SET_OFF_PARTICIPLES: readonly string[] = ['built', 'born', 'made', 'founded', 'launched', 'opened', 'begun', 'held', 'set up'];

/**
 * Words the tagger may not read as adverbs, written between a counted noun and the verb it is the subject of ("some 240
 * ships now waiting", "12 boys still trapped"): they do not end the noun's clause.
 */
export const FIGURE_VERB_ADVERBS: ReadonlySet<string> = new Set(['now', 'still', 'also', 'already', 'all', 'both', 'each', 'reportedly', 'currently', 'since', 'then', 'later', 'eventually', 'initially', 'ever']);

/** The preposition that names a passive verb's agent ("escorted out of the waterway by four tugboats"): the figure after it is that verb's. */
export const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by']);

/** The preposition that names a verb's instrument after its object ("push and pull the ship with 10 tugboats"). */
export const INSTRUMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['with']);

/**
 * Words that open a new clause between a verb and a "to" ("left … and went to …"): an infinitive after them is not the
 * verb's purpose. Not "before", "after", "until": there they begin a time ("left the harbour before dawn to pick up …").
 */
export const PURPOSE_CLAUSE_BREAKS: readonly string[] = ['and', 'but', 'or', 'that', 'which', 'who', 'when', 'while', 'because', 'if'];

/**
 * Words that begin an infinitive's object ("to address other calls", "to help them"): after them, "to <word>" is a verb,
 * not a place ("to school on Monday").
 */
export const INFINITIVE_OBJECT_STARTS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'them', 'him', 'us', 'it', 'other', 'another', 'more', 'any',
  'some', 'all', 'every', 'each', 'those', 'these', 'this', 'that', 'what', 'up', 'out', 'off', 'down', 'back', 'people', 'survivors', 'residents',
]);

/**
 * Nouns that, after "in", say when something happened or in what it was said, not why ("in the morning", "in a statement");
 * a place or a thing ("in the same area", "in their cars") is told by its WordNet class.
 */
export const SETTING_NOUNS: readonly string[] = [
  'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'month', 'year', 'time', 'hour', 'minute',
  'statement', 'interview', 'conference', 'briefing', 'post', 'tweet', 'letter', 'email', 'report', 'filing', 'release',
];

/**
 * Words right after a span of time that make it the distance between two events ("13 days after the fire", "two hours
 * later", "a week ago"): it says when something happened, not how long anything lasted.
 */
export const OFFSET_AFTER_WORDS: readonly string[] = ['after', 'afterwards', 'later', 'before', 'earlier', 'ago', 'since'];

/** Prepositions before a span of time that make it a length whatever follows ("searched for nine days before the wreck was found"). */
export const LENGTH_PREPOSITIONS: readonly string[] = ['for'];

/**
 * Words of a "how long" question that ask for such a distance ("how long after the fire …", "how long into the dive …",
 * "… before anyone reached them", "how long did it take …"): an offset answers those.
 */
export const OFFSET_QUESTION_WORDS: readonly string[] = ['after', 'afterwards', 'later', 'before', 'b4', 'earlier', 'ago', 'since', 'into', 'until', 'till', 'take', 'takes', 'took', 'taking', 'taken'];

/**
 * Verbs of becoming: with an adjective after them they say an act, a change of state ("got sick", "fell ill", "went
 * missing", "became homeless"), which a count asks of the things counted as a verb would.
 */
export const BECOMING_VERBS: readonly string[] = [
  'get', 'gets', 'got', 'gotten', 'getting', 'become', 'becomes', 'became', 'becoming', 'fall', 'falls', 'fell', 'fallen', 'falling',
  'go', 'goes', 'went', 'gone', 'going', 'turn', 'turns', 'turned', 'turning',
];
