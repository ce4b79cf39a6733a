/**
 * Line classification: which lines of an article are body text, which are
 * boilerplate (share prompts, read-more links, comment counters, credits), and
 * which carry metadata (dates, bylines, URLs, mastheads). General rules only:
 * nothing here may name a particular story, outlet or file.
 */
import { MONTH_PATTERN, WEEKDAY_PATTERN, monthNumber } from '../language/lexicon/index.js';
import { creditIn, isRole, looksLikeOutlet, staffCredit } from './credits.js';

/** A line of the article's visible text, with raw offsets. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

const MONTH_RE = `(${MONTH_PATTERN})\\.?`;
const WEEKDAY_RE = `${WEEKDAY_PATTERN}\\.?,?\\s*`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function monthIndex(name: string): number {
  return monthNumber(name) ?? 0;
}

/** A clock time with optional am/pm and zone: "7:56 pm", "09.00 BST", "10:41 a.m. EDT", "0719 GMT (1519 HKT)". */
const TIME = String.raw`(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\b\.?)?|\d{1,2}\s*[AaPp]\.?\s?[Mm]\b\.?|[012]\d[0-5]\d(?=\s+(?:GMT|UTC)))(?:,?\s*\(?(?:[A-Z]{1,5}|GMT[+-]\d{1,2}(?::?\d{2})?|UTC[+-]\d{1,2})\b\)?(?:\s+[A-Z]{2,5}\b)?)*(?:\s*\([^)]{1,20}\))?`;
const LEADING_TIME = new RegExp(`^(?:at\\s+)?${TIME}(?![.:]?\\d)\\s*[,|·•/–—-]*\\s*`);
const TRAILING_TIME = new RegExp(`\\s*[,|·•/–—-]*\\s*(?:at\\s+|@\\s*)?${TIME}\\s*$`);
/** Labels before a date line: "Published", "Updated:", "Last modified on", "Posted -". */
const DATE_LABEL = /^(?:(?:first\s+|originally\s+)?published|posted|(?:last\s+)?update[d]?|(?:last\s+)?modified|date|created|released|dated)\b\s*(?:on|at)?\s*[:\-–—]?\s*/i;
/** A zone or US clock in the line: slashed numbers are then month-first (8/25/2020). */
const US_CLOCK = /\b[AaPp]\.?\s?[Mm]\b|\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|ET|CT|PT)\b/;

const MONTH_DAY_YEAR = new RegExp(`^(?:${WEEKDAY_RE})?${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})$`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^(?:${WEEKDAY_RE})?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})$`, 'i');

/** What a date line says the date is: the publication, a later update, or just a date. */
export type DateLineKind = 'published' | 'updated' | 'plain';

/**
 * If the whole line is a publication date (optionally with weekday, time, "Published"/"Updated"),
 * return it as YYYY-MM-DD. Dotted numeric dates are read day-first (European style), slashed
 * ones too unless the line has a US clock ("8/25/2020 3:00 PM ET") or only month-first is valid.
 */
export function parseDateLine(line: string): string | null {
  const src = line.trim();
  const us = US_CLOCK.test(src);
  let t = src;
  let m: RegExpMatchArray | null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s][\d:.]+(?:Z|\s*[+-]\d{2}:?\d{2})?)?$/;
  if ((m = t.replace(DATE_LABEL, '').match(iso))) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  for (let i = 0; i < 2; i++) t = t.replace(DATE_LABEL, '').replace(LEADING_TIME, '').trim();
  t = t.replace(TRAILING_TIME, '').replace(/[,;]$/, '').trim();
  if ((m = t.match(iso))) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  if ((m = t.match(/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/))) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) return isoDate(+m[3]!, +m[2]!, +m[1]!);
  if ((m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/))) {
    const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    const dayFirst = isoDate(y, +m[2]!, +m[1]!);
    const monthFirst = isoDate(y, +m[1]!, +m[2]!);
    return us ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst);
  }
  if ((m = t.match(MONTH_DAY_YEAR)))
    return isoDate(+m[3]!, monthIndex(m[1]!), +m[2]!);
  if ((m = t.match(DAY_MONTH_YEAR)))
    return isoDate(+m[3]!, monthIndex(m[2]!), +m[1]!);
  return null;
}

/**
 * A short metadata line that carries a date among other credits, as news sites print them:
 * "By: - March 5, 2020 6:14 pm", "By <Station> Staff | March 6, 2020 at 8:52 PM",
 * "Published March 24, 2021 · Updated March 25, 2021", "24 March 2021 • 5 min read".
 * Returns the first date and what it is labelled as; body sentences never qualify.
 */
export function dateLineIn(line: string): { date: string; kind: DateLineKind } | null {
  const t = line.trim();
  // Every date line has a four-digit year or a numeric date: most lines are ruled out here, cheaply.
  if (!t || !/\d{4}|\d[./]\d{1,2}[./]\d/.test(t) || t.split(/\s+/).length > 24) return null;
  const kindOf = (s: string): DateLineKind =>
    /^(?:(?:first\s+|originally\s+)?published|posted|released)\b/i.test(s) ? 'published' : /^(?:(?:last\s+)?update[d]?|(?:last\s+)?modified)\b/i.test(s) ? 'updated' : 'plain';
  const whole = parseDateLine(t);
  if (whole) return { date: whole, kind: kindOf(t) };
  // A wire story's closing credit: "This report by <Outlet> was first published June 28, 2023."
  const credit = t.match(/^this\s+(?:story|article|report)\b.{0,60}?\b(?:first|originally)\s+published\s+(?:on\s+)?(.+?)\.?$/i);
  if (credit) {
    const d = parseDateLine(credit[1]!);
    if (d) return { date: d, kind: 'published' };
  }
  if (isProse(t)) return null;
  const parts = metaParts(t);
  if (parts.length < 2) return null;
  // Every other piece must be a credit too (a byline, a label, a clock, "5 min read"), not a clause.
  const meta = (p: string) => /^by\b/i.test(p) || DATE_LABEL.test(p) || LEADING_TIME.test(p) || p.split(/\s+/).length <= 5;
  for (const p of parts) {
    const d = parseDateLine(p);
    if (d) return parts.every((q) => q === p || meta(q)) ? { date: d, kind: kindOf(p) } : null;
  }
  return null;
}

/**
 * The date a metadata line says the article was last updated on ("Published: Feb. 22, 2023 at 1:17 PM EST|Updated: Feb. 23,
 * 2023 at 3:07 PM EST" → 2023-02-23), or null: a piece labelled "Updated" / "Last modified" that is a date line.
 */
export function updatedIn(line: string): string | null {
  const t = line.trim();
  if (!t || !/\d{4}|\d[./]\d{1,2}[./]\d/.test(t) || t.split(/\s+/).length > 24 || isProse(t)) return null;
  let last: string | null = null;
  for (const p of metaParts(t)) {
    if (!/^(?:(?:last\s+)?update[d]?|(?:last\s+)?modified)\b/i.test(p)) continue;
    const d = parseDateLine(p);
    if (d && (!last || d > last)) last = d;
  }
  return last;
}

/** The pieces of a metadata line: "By X Staff | March 6, 2020 at 8:52 PM" → ["By X Staff", "March 6, 2020 at 8:52 PM"]. */
export function metaParts(line: string): string[] {
  return line
    .trim()
    .split(/\s*[|·•]\s*|\s+[/–—-]\s+|(?<=^[Bb][Yy]:?)\s*[-–—]\s*|\s+(?=(?:Last\s+)?(?:Updated|Published|Posted|Modified)\b|[Bb]y\s+\p{Lu})/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A date in an article's URL path: /2021/03/24/, /2021-03-24-, /20210324/. */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = path.match(/\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/) ?? path.match(/[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)/) ?? path.match(/\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-])/);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

const KICKERS = /^(breaking( news)?|exclusive|opinion|analysis|live( updates)?|update[d]?|news|world|politics|advertisement|sponsored( content)?|watch|listen|video|photos?)$/i;

/** Photo agencies as a credit names them ("AP Photo", "Getty Images", "Reuters"). */
const PHOTO_AGENCIES = '(?:AP Photo|AFP(?: via Getty Images)?|Getty Images|Reuters|EPA(?:-EFE)?|Bloomberg|Shutterstock|Alamy|AP)';
/** A photographer's credit on its own line ("Matt Rourke /AP Photo", "(AP Photo /Julio Cortez)"), slashes spaced first. */
const PHOTO_CREDIT_RE = new RegExp(
  `^\\(?(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){1,3}\\/\\s*${PHOTO_AGENCIES}\\)?$|^\\(?${PHOTO_AGENCIES}\\s*\\/\\s*(?:[\\p{Lu}][\\p{L}.'’-]*\\s*){1,3}\\)?$`,
  'u',
);

/** Lines that are never article text, recognised by general shape. */
export function isBoilerplateLine(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  const words = t.split(/\s+/).length;
  if (KICKERS.test(t)) return true;
  if (/^(loading|loading recommendations|loading comments)\W*$/i.test(t)) return true;
  if (/^(related|recommended|more)( posts| articles| stories| coverage| from [\w\s]+)?:?$/i.test(t)) return true;
  if (/^(source link|source|sources|tags?|topics?|filed under|share( this)?( article| story| post)?|tweet|email|print|comments?)\s*:?$/i.test(t)) return true;
  if (/^\d+\s+of\s+\d+$/i.test(t)) return true; // pagination counters
  if (/^(no|\d+)\s+comments?\s*:?$/i.test(t) || /^comments?\s*\(\d+\)$/i.test(t)) return true;
  if (/^(read|continue reading|read the full|click here)\b/i.test(t) && words <= 12) return true;
  // A teaser for another article: a label and a colon or bar, then its headline ("Read Next: …", "Also Read | …", "More: …").
  if (/^(read (next|more|also)|also read|see also|related( story| article| coverage)?|recommended|more( on this| from [\w\s]+)?|watch|listen)\s*[:|]/i.test(t) && words <= 30) return true;
  if (words <= 40 && /\b(follow us|like us|subscribe (to|for)|sign up for|join us on|share this (article|story|post))\b/i.test(t)) return true;
  if (words <= 40 && /(facebook|twitter|instagram|telegram|gettr|newsletter|whatsapp)/i.test(t) && /\b(follow|like|subscribe|share|join)\b/i.test(t)) return true;
  if (/^(image|photo|picture|credit|photograph|illustration|video)\s*:/i.test(t) && words <= 12) return true;
  if (words <= 6 && /\bvia\s+(AP|AFP|Reuters|Getty( Images)?|EPA|[A-Z][\w]+)$/.test(t)) return true;
  if (words <= 4 && /^(AP|AFP|Reuters|Getty Images|EPA|Keystone|Shutterstock)( Photo| Images)?$/i.test(t)) return true;
  // A photographer's credit on its own line: "Matt Rourke/AP Photo", "(AP Photo/Julio Cortez)", "Jane Doe / Getty Images".
  if (words <= 7 && t.includes('/') && PHOTO_CREDIT_RE.test(t.replace(/(\S)\/(\S)/g, '$1 /$2'))) return true;
  if (/^https?:\/\/\S+$/i.test(t)) return true;
  if (/^[-=_*~•·]{3,}$/.test(t)) return true;
  if (/^(©|copyright\b)/i.test(t) && words <= 20) return true;
  if (/^all rights reserved\.?$/i.test(t)) return true;
  if (dateLineIn(t)) return true;
  if (/^\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?$/i.test(t)) return true;
  return false;
}

/** Trailing "read more" teasers glued to a paragraph ("…in Washington. --->READ MORE HERE"). */
export function trailingBoilerplate(text: string): number {
  const m = text.match(/\s*(?:-*>+|»|\[|\()?\s*(?:read more|continue reading|read the full story)(?: here| at[^\n]*)?\s*(?:\]|\))?\s*$/i);
  return m && m.index !== undefined && m.index > 0 ? m.index : text.length;
}

/** A "Read more at: <url>" / "Source: <url>" line, or a bare URL line: returns the URL. */
export function urlInLine(text: string): string | null {
  const m = text.trim().match(/^(?:(?:read more|originally published|source|first published|via|link)\s*(?:at|on|in)?\s*:?\s*)?(https?:\/\/[^\s)>\]"']+)\s*$/i);
  return m ? m[1]!.replace(/[.,;]+$/, '') : null;
}

/** A byline: "By Jane Doe", "By Jane Doe and John Roe, Outlet", or a bare person-shaped name line. */
export function bylineIn(text: string, allowBare: boolean): string | null {
  const t = text.trim();
  const part = "[\\p{Lu}][\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)*"; // "Jo-Carolyn", "O'Neill"
  const name = `${part}(?:\\s+[\\p{Lu}]\\.)?(?:\\s+(?!and\\b)(?:de|van|von|da|del|la|le|bin|al)?\\s*${part}){1,2}`; // (?!and): the "i" flag lets \p{Lu} match "and"
  let m = t.match(new RegExp(`^by\\s+(${name}(?:\\s*(?:,|and|&)\\s*${name})*)`, 'iu'));
  // "…, Staff Writer" is a role and "…, Newser Staff" a newsroom: neither is a person.
  if (m) return m[1]!.split(/\s*,\s*/).filter((part, i) => i === 0 || (!isRole(part) && staffCredit(part) === null && !looksLikeOutlet(part))).join(', ').trim();
  if (allowBare && !KICKERS.test(t)) {
    // "Jane Doe", or "Jane Doe, Staff Writer" / "Jane Doe, The Example Courier" (a role or an outlet after the name).
    const trailer = t.match(/^(.*?)\s*[,|/]\s*(.+)$/);
    if (trailer && (isRole(trailer[2]!) || looksLikeOutlet(trailer[2]!))) return bylineIn(trailer[1]!, true);
    m = t.match(new RegExp(`^(${name})$`, 'u'));
    if (m && t.split(/\s+/).length <= 4 && !looksLikeOutlet(t) && staffCredit(t) === null) return m[1]!; // "Thailand News" is a section or a masthead
  }
  return null;
}

/** Lines that name the outlet: "© 2025 Outlet", "Source: Outlet", "Outlet summarizes for you", "Published by Outlet" (the forms are rows of CREDIT_FORMS). */
export function outletInLine(text: string): string | null {
  return creditIn(text, 'line')?.outlet ?? null;
}

/** A line that looks like body prose rather than a heading: long enough and ending like a sentence. */
export function isProse(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  return words >= 8 && /[.!?"”’)…\]]$|[-–—]{2}$/.test(t);
}

/** A short heading inside the body (no sentence punctuation): shown nowhere as a claim. */
export function isHeading(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  if (/:$/.test(t) && words <= 30 && !/[.!?]\s/.test(t)) return true;
  return words <= 12 && !/[.!?"”’)…]$/.test(t) && !/^[•·▪●\-–—*]/.test(t);
}

/**
 * Headlines sometimes arrive glued to a kicker ("High noon in the CaribbeanMaduro asks…").
 * When a lower→upper case join splits the line into a ≥2-word kicker and a ≥3-word title, keep the title.
 */
export function splitGluedKicker(title: string): string {
  const m = title.match(/^(.*?\p{Ll})(\p{Lu}\p{Ll}.*)$/u);
  if (!m) return title;
  const [, kicker, rest] = m;
  // The join must be between whole words ("CaribbeanMaduro"), not inside a name ("McDonald", "DeSantis", "YouTube", "LinkedIn").
  const joinedWords = kicker!.split(/\s+/).pop()!.length >= 4 && rest!.split(/\s+/)[0]!.length >= 3;
  if (joinedWords && kicker!.trim().split(/\s+/).length >= 2 && rest!.trim().split(/\s+/).length >= 3) return rest!.trim();
  return title;
}

/** Turn a hostname into an outlet name, using names the corpus text mentions when one matches. */
export function outletFromUrl(url: string, mentions: string[]): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^(www|m|amp|edition|mobile)\./, '');
  const label = host.split('.').slice(0, -1).join('.') || host;
  const key = label.replace(/[^a-z0-9]/g, '');
  for (const name of mentions) {
    const k = name.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
    if (k && (k === key || `the${k}` === key)) return name.replace(/^the\s+/i, '');
  }
  return host;
}
