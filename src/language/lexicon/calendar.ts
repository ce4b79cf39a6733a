/** Month and weekday names and their abbreviations, as news prose writes them. */

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Three-letter month labels for display ("Mar 4"). */
export const MONTH_SHORT = MONTHS.map((m) => m.slice(0, 3));

/** Abbreviations written for a month ("Sept.", "Oct"), lower case, each to its full lower-case name. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
  sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
};

/** Abbreviations written for a weekday ("Tues.", "Thu"), lower case, each to its full lower-case name. */
export const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', thu: 'thursday', thur: 'thursday', thurs: 'thursday',
  fri: 'friday', sat: 'saturday', sun: 'sunday',
};

/** Regex source matching a month name or abbreviation ("Sept", "October"; no trailing dot). */
export const MONTH_PATTERN = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Regex source matching a weekday name or abbreviation. */
export const WEEKDAY_PATTERN = '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';

/** The weekdays' full names, lower case ("monday"). */
export const WEEKDAY_NAMES: ReadonlySet<string> = new Set(WEEKDAYS.map((d) => d.toLowerCase()));

/** The months' and weekdays' full names, lower case ("july", "friday"): no abbreviation ("may", "sun" are words too). */
export const MONTH_AND_WEEKDAY_NAMES: ReadonlySet<string> = new Set([...MONTHS.map((m) => m.toLowerCase()), ...WEEKDAY_NAMES]);

/** Every month and weekday word, full and abbreviated, lower case. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.map((m) => m.toLowerCase()),
  ...WEEKDAYS.map((d) => d.toLowerCase()),
  ...Object.keys(MONTH_ABBREVIATIONS),
  ...Object.keys(WEEKDAY_ABBREVIATIONS),
]);

/** 1–12 for a month name or abbreviation (any case, trailing dot allowed), else null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTH_ABBREVIATIONS[w] ?? w;
  const i = MONTHS.findIndex((m) => m.toLowerCase() === full);
  return i < 0 ? null : i + 1;
}

/** 0 (Sunday) – 6 for a weekday name or abbreviation, else null. */
export function weekdayNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = WEEKDAY_ABBREVIATIONS[w] ?? w;
  const i = WEEKDAYS.findIndex((d) => d.toLowerCase() === full);
  return i < 0 ? null : i;
}

/** Month names that are also a common word or name ("may", "May"): no sign on their own that a word is a date. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may']);

/** Regex source for phrases that place something relative to when it was written ("yesterday", "last week", "days ago"). */
export const RELATIVE_TIME_PATTERN = '(?:yesterday|today|last\\s+(?:week|month|year)|this\\s+(?:week|month)|earlier\\s+this|weeks?\\s+ago|days?\\s+ago)';

/** Three-letter weekday labels ("Sun" … "Sat"), Sunday first. */
export const WEEKDAY_SHORT = WEEKDAYS.map((d) => d.slice(0, 3));

const list = (s: string) => s.trim().split(/\s+/);

/** Units of calendar time, singular ("three days", "the past week"). */
export const TIME_UNITS: readonly string[] = list('minute hour day week month year decade');

/** Days named from the day of writing. */
export const RELATIVE_DAYS: readonly string[] = list('yesterday today tomorrow');

/** Words that place a week, month or year from the day of writing ("this month", "last year", "next week"). */
export const DEICTIC_WORDS: readonly string[] = list('this last next');

/** Words that make a relative phrase a date counted from the day of writing ("three days ago", "last Friday"). */
export const RELATIVE_DATE_WORDS: readonly string[] = ['ago', ...RELATIVE_DAYS, ...DEICTIC_WORDS];

/** Words before "week" that make it a span around the day of writing, not a day ("last week", "the coming week"). */
export const WEEK_SPAN_WORDS: readonly string[] = list('last previous next coming');

/** Words that count a span back or ahead from the day of writing ("the past two weeks", "the coming days"). */
export const SPAN_WORDS: readonly string[] = list('past last next coming');

/** Parts of a day ("this morning"). */
export const DAY_PARTS: readonly string[] = list('morning afternoon evening');

/** Words that open a month phrase without changing which month it is ("early May", "mid-March", "last July"). */
export const MONTH_MODIFIERS: readonly string[] = list('last next this early late mid');

/** Prepositions that open a date phrase ("on Friday", "in May", "since 2019"). */
export const DATE_PREPOSITIONS: readonly string[] = list('on in at by of since from');

/** Prepositions after which a date can only be past ("since Friday"), whatever verb the clause has. */
export const BACKWARD_DATE_PREPOSITIONS: readonly string[] = list('since');

/** Words before a bare year that make it a date, not a quantity ("in 1983", "since 2019", "mid 2020"). */
export const YEAR_CUES: readonly string[] = list('in since from of by until till to during before after early late mid around between and year the a');

/** Words before a capitalised month name that make it a month, not a name or a verb ("in May", "since March"). */
export const MONTH_CUES: readonly string[] = list('in since by until during of next this early late mid from through to before after');

/** Words that count a time from another event, not from the day of writing ("two hours later", "the next day"). */
export const EVENT_RELATIVE_WORDS: readonly string[] = ['later', 'after', 'afterwards', 'before', 'earlier', 'within', 'following', 'next day', 'the day', 'in the day'];

/** Words in a date's clause that make it a day still to come ("the next hearing", "the upcoming vote", "later this week"). */
export const AHEAD_WORDS: readonly string[] = ['next', 'upcoming', 'coming', 'tomorrow', 'later this'];

/** Vague amounts of time units ("several days", "a few weeks", "a couple of months"). */
export const VAGUE_TIME_AMOUNTS: readonly string[] = ['several', 'a few', 'few', 'many', 'couple of'];

/** Times that are no point on the calendar ("now", "tonight", "at the moment", "the weekend"). */
export const NOW_WORDS: readonly string[] = ['now', 'tonight', 'the moment', 'weekend'];

/** Words of holding an office for a span ("served from 2010 to 2014", "her tenure"): a year range by them is background. */
export const TENURE_WORDS: readonly string[] = list('served serving serves tenure term stint reign presidency premiership chairmanship career');
