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
