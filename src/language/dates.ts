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
  let results: chrono.ParsedResult[];
  try {
    const reference = opts.timezone === undefined ? ref : { instant: ref, timezone: opts.timezone };
    results = chrono.casual.parse(text, reference, { forwardDate: opts.forwardDate ?? false });
  } catch {
    return [];
  }
  return results.map((r) => {
    const stated: DateParts = {};
    for (const p of PARTS) if (r.start.isCertain(p)) stated[p] = r.start.get(p) ?? undefined;
    return {
      index: r.index,
      text: r.text,
      stated,
      resolved: resolvedParts(r.start),
      date: r.start.date(),
      end: r.end ? resolvedParts(r.end) : null,
      relative: (r.tags?.() ?? new Set<string>()).has('result/relativeDate'),
    };
  });
}

function resolvedParts(c: chrono.ParsedComponents): FoundDate['resolved'] {
  const out: FoundDate['resolved'] = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')!, weekday: c.get('weekday') ?? new Date(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!)).getUTCDay() };
  if (c.isCertain('hour')) out.hour = c.get('hour')!;
  if (c.isCertain('minute')) out.minute = c.get('minute')!;
  return out;
}
