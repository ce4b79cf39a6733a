/**
 * Pure slot arithmetic for digest schedules: when is the next run, which slot is
 * due now. Everything takes an explicit `now`, so fake-clock tests need no timers.
 *
 * A schedule is a 5-field cron expression interpreted in an IANA time zone. We
 * compute slots per *local day* rather than per UTC minute so that DST behaves the
 * way people expect: a slot that falls in a spring-forward gap runs right after
 * the gap (02:30 → 03:30), and a slot in a fall-back overlap runs once (the first
 * occurrence) — the same "compatible" rule Temporal uses.
 */
import { MONTH_SHORT, WEEKDAY_SHORT } from '../language/lexicon/calendar.js';

/** Digest frequencies a subscription may choose. */
export type Frequency = 'daily' | 'twice-daily' | 'weekly';
export const FREQUENCIES: readonly Frequency[] = ['daily', 'twice-daily', 'weekly'];

/** One scheduled occurrence. `key` names it stably across restarts and DST overlaps. */
export interface Slot {
  /** The instant it is due. */
  at: Date;
  /** The intended local wall time, `YYYY-MM-DDTHH:MM` (also the dedupe key). */
  local: string;
}

interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Vixie-cron rule: when both day-of-month and day-of-week are restricted, either may match. */
  domStar: boolean;
  dowStar: boolean;
}

/** Cron's month and day names: the three-letter abbreviations. */
const MONTH_NAMES = MONTH_SHORT.map((m) => m.toLowerCase());
const DAY_NAMES = WEEKDAY_SHORT.map((d) => d.toLowerCase());

function parseField(field: string, min: number, max: number, names?: string[]): Set<number> {
  const out = new Set<number>();
  const value = (s: string): number => {
    const lower = s.toLowerCase();
    const named = names?.indexOf(lower.slice(0, 3)) ?? -1;
    const n = named >= 0 && /^[a-z]+$/.test(lower) ? named + (min === 1 ? 1 : 0) : Number(s);
    if (!Number.isInteger(n)) throw new Error(`"${s}" is not a number`);
    return n;
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = min;
      hi = max;
    } else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      lo = value(a!);
      hi = value(b!);
    } else {
      lo = value(range!);
      hi = stepText === undefined ? lo : max;
    }
    // Day-of-week 7 is Sunday too.
    if (max === 7) {
      if (lo === 7) lo = 0;
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`"${part}" is out of range ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(max === 7 && v === 7 ? 0 : v);
  }
  return out;
}

/** Parse a 5-field cron expression (an optional leading seconds field is accepted and must be 0). Throws with a readable reason. */
export function parseCron(expr: string): CronFields {
  let parts = expr.trim().split(/\s+/);
  if (parts.length === 6) {
    if (parts[0] !== '0') throw new Error('a seconds field other than 0 is not supported for digests');
    parts = parts.slice(1);
  }
  if (parts.length !== 5) throw new Error(`expected 5 fields (minute hour day month weekday), got ${parts.length}`);
  const [mi, h, dom, mon, dow] = parts as [string, string, string, string, string];
  return {
    minutes: parseField(mi, 0, 59),
    hours: parseField(h, 0, 23),
    days: parseField(dom, 1, 31),
    months: parseField(mon, 1, 12, MONTH_NAMES),
    weekdays: parseField(dow, 0, 7, DAY_NAMES),
    domStar: dom === '*',
    dowStar: dow === '*',
  };
}

/** True when `expr` is a cron expression the scheduler accepts. */
export function isValidCron(expr: string): boolean {
  try {
    parseCron(expr);
    return true;
  } catch {
    return false;
  }
}

/** Parse `HH:MM` (24-hour). Returns null when invalid. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/**
 * The cron expression for a subscription. Weekly digests go out on Mondays;
 * twice-daily ones at the given time and twelve hours later.
 */
export function cronFor(time: string, frequency: Frequency): string {
  const t = parseTime(time);
  if (!t) throw new Error(`"${time}" is not a time of day (HH:MM)`);
  switch (frequency) {
    case 'daily':
      return `${t.minute} ${t.hour} * * *`;
    case 'twice-daily': {
      const hours = [t.hour, (t.hour + 12) % 24].sort((a, b) => a - b);
      return `${t.minute} ${hours.join(',')} * * *`;
    }
    case 'weekly':
      return `${t.minute} ${t.hour} * * 1`;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock fields of instant `ms` in `tz`. */
export function wallClock(ms: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute!, s: parts.second! };
}

/** Offset of `tz` from UTC at instant `ms`, in ms (e.g. -5 h for New York in winter). */
function offsetAt(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return asUtc - (ms - (ms % 1000 + 1000) % 1000);
}

/**
 * The instant a local wall time refers to. Ambiguous (fall-back) → the earlier
 * instant; nonexistent (spring-forward gap) → shifted forward by the gap.
 */
export function localToInstant(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const local = Date.UTC(y, mo - 1, d, h, mi);
  const before = offsetAt(local - 86_400_000, tz);
  const after = offsetAt(local + 86_400_000, tz);
  const valid = [...new Set([before, after])]
    .map((o) => local - o)
    .filter((c) => {
      const w = wallClock(c, tz);
      return w.y === y && w.mo === mo && w.d === d && w.h === h && w.mi === mi;
    });
  if (valid.length) return Math.min(...valid);
  return local - before;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Slots of `expr` on one local calendar day, in order. */
function slotsOnDay(c: CronFields, y: number, mo: number, d: number, tz: string): Slot[] {
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  if (!c.months.has(mo)) return [];
  const domOk = c.days.has(d);
  const dowOk = c.weekdays.has(weekday);
  const dayOk = c.domStar || c.dowStar ? domOk && dowOk : domOk || dowOk;
  if (!dayOk) return [];
  const out: Slot[] = [];
  for (const h of [...c.hours].sort((a, b) => a - b)) {
    for (const mi of [...c.minutes].sort((a, b) => a - b)) {
      out.push({ at: new Date(localToInstant(y, mo, d, h, mi, tz)), local: `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}` });
    }
  }
  return out;
}

function localDay(ms: number, tz: string, deltaDays: number): { y: number; mo: number; d: number } {
  const w = wallClock(ms, tz);
  const t = new Date(Date.UTC(w.y, w.mo - 1, w.d + deltaDays));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The first slot strictly after `after`, searching up to `maxDays` ahead; null if none. */
export function nextSlot(expr: string, tz: string, after: Date, maxDays = 400): Slot | null {
  const c = parseCron(expr);
  const t = after.getTime();
  for (let i = -1; i <= maxDays; i++) {
    const { y, mo, d } = localDay(t, tz, i);
    const hit = slotsOnDay(c, y, mo, d, tz).find((s) => s.at.getTime() > t);
    if (hit) return hit;
  }
  return null;
}

/** The latest slot at or before `now`, searching up to `maxDays` back; null if none. */
export function previousSlot(expr: string, tz: string, now: Date, maxDays = 400): Slot | null {
  const c = parseCron(expr);
  const t = now.getTime();
  for (let i = 1; i >= -maxDays; i--) {
    const { y, mo, d } = localDay(t, tz, i);
    const hits = slotsOnDay(c, y, mo, d, tz).filter((s) => s.at.getTime() <= t);
    if (hits.length) return hits[hits.length - 1]!;
  }
  return null;
}

/** The next `count` slots after `after`. */
export function nextSlots(expr: string, tz: string, after: Date, count: number): Slot[] {
  const out: Slot[] = [];
  let cursor = after;
  while (out.length < count) {
    const s = nextSlot(expr, tz, cursor);
    if (!s) break;
    out.push(s);
    cursor = s.at;
  }
  return out;
}
