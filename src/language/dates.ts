/**
 * The one facade over chrono-node. Callers get our own type: where the phrase
 * is, what the text states (chrono's "certain" components), and the instant
 * chrono resolves against the reference. Anchoring policy (which way a weekday
 * goes, what a bare month-day means) belongs to the callers, not here.
 */
import * as chrono from 'chrono-node';

/** Date and time parts; only those present were found. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
}

/** A date expression found in a text. */
export interface FoundDate {
  /** Offset of the phrase in the text. */
  index: number;
  /** The phrase as chrono matched it. */
  text: string;
  /** Parts the text itself states ("March 4" states month and day, not year). */
  stated: DateParts;
  /** Every part of the resolved start (stated or implied by the reference). */
  resolved: Required<Omit<DateParts, 'hour' | 'minute'>> & Pick<DateParts, 'hour' | 'minute'>;
  /** The resolved start as an instant. */
  date: Date;
  /** The end of a range ("March 3–5"), when the text gives one. */
  end: FoundDate['resolved'] | null;
  /** Said relative to the reference ("yesterday", "two days ago", "last week"). */
  relative: boolean;
}

export interface ParseDatesOptions {
  /** Resolve ambiguous dates forward from the reference (chrono's forwardDate). Default false. */
  forwardDate?: boolean;
  /** Interpret the reference and the text in this UTC offset, in minutes (0 = UTC). Default: the machine's. */
  timezone?: number;
}

const PARTS = ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const;

/** Dates in a text, read against a reference instant. Never throws: an unparseable text has none. */
export function parseDates(text: string, ref: Date, opts: ParseDatesOptions = {}): FoundDate[] {
  let results: { r: chrono.ParsedResult; at: number }[];
  const reference = opts.timezone === undefined ? ref : { instant: ref, timezone: opts.timezone };
  const parse = (t: string) => chrono.casual.parse(t, reference, { forwardDate: opts.forwardDate ?? false });
  try {
    results = parse(text).flatMap((r) => (lostDate(r) ? withoutDayPart(r, parse) : [{ r, at: r.index }]));
  } catch {
    return [];
  }
  // "died last night about 2am" in Friday's paper: a small-hours time right after "last night" is that night's, past its
  // midnight — the paper's own day, as chrono reads the time on its own; "last night" alone is the day before.
  const smallHours = (i: number) => {
    const { r, at } = results[i]!;
    const next = results[i + 1];
    if (!next || !LAST_NIGHT_RE.test(r.text) || r.start.isCertain('hour') || !next.r.start.isCertain('hour')) return null;
    const hour = next.r.start.get('hour');
    return hour !== null && hour < SMALL_HOURS_END && SMALL_HOURS_GAP_RE.test(text.slice(at + r.text.length, next.at)) ? next : null;
  };
  const merged = new Set<number>();
  const out = results.map(({ r, at }, i) => {
    const night = smallHours(i);
    if (night) merged.add(i + 1);
    const from = night ? night.r : r;
    const stated: DateParts = {};
    for (const p of PARTS) if (r.start.isCertain(p) || from.start.isCertain(p)) stated[p] = from.start.get(p) ?? undefined;
    return {
      index: at,
      text: night ? text.slice(at, night.at + night.r.text.length) : r.text,
      stated,
      resolved: resolvedParts(from.start),
      date: from.start.date(),
      end: r.end ? resolvedParts(r.end) : null,
      // "last night" is counted from the day of writing, whatever chrono tags it.
      relative: !!night || (r.tags?.() ?? new Set<string>()).has('result/relativeDate'),
    };
  });
  return out.filter((_, i) => !merged.has(i));
}

const DATE_PARTS = ['year', 'month', 'day', 'weekday'] as const;
/** "last night", "late last night": the night before the day of writing. */
const LAST_NIGHT_RE = /\blast\s+night\b/i;
/** A time before this hour after "last night" is past that night's midnight. */
const SMALL_HOURS_END = 6;
/** Between "last night" and its time: nothing, or a word of nearness ("about", "at around", "shortly after"). */
const SMALL_HOURS_GAP_RE = /^\s*(?:,\s*)?(?:(?:at|about|around|near|nearly|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)*$/i;
/** Parts of a day chrono reads as a time ("afternoon", "the night of"). */
const DAY_PART_RE = /\b(?:morning|afternoon|evening|night|noon|midnight)\b/gi;

/**
 * chrono merges a part of the day written before a date ("Afternoon, March 25", "the evening
 * of April 15, 2019") into one result and loses the date itself: no part is stated.
 */
function lostDate(r: chrono.ParsedResult): boolean {
  return new RegExp(DAY_PART_RE.source, 'i').test(r.text) && !DATE_PARTS.some((p) => r.start.isCertain(p)) && /\d/.test(r.text);
}

/** The dates inside such a result, read again with the part of the day blanked (offsets kept). */
function withoutDayPart(r: chrono.ParsedResult, parse: (t: string) => chrono.ParsedResult[]): { r: chrono.ParsedResult; at: number }[] {
  const inner = parse(r.text.replace(DAY_PART_RE, (w) => ' '.repeat(w.length))).filter((x) => DATE_PARTS.some((p) => x.start.isCertain(p)));
  return inner.length ? inner.map((x) => ({ r: x, at: r.index + x.index })) : [{ r, at: r.index }];
}

function resolvedParts(c: chrono.ParsedComponents): FoundDate['resolved'] {
  const out: FoundDate['resolved'] = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')!, weekday: c.get('weekday') ?? new Date(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!)).getUTCDay() };
  if (c.isCertain('hour')) out.hour = c.get('hour')!;
  if (c.isCertain('minute')) out.minute = c.get('minute')!;
  return out;
}
