/**
 * Line classification: which lines of an article are body text, which are
 * boilerplate (share prompts, read-more links, comment counters, credits), and
 * which carry metadata (dates, bylines, URLs, mastheads). General rules only:
 * nothing here may name a particular story, outlet or file.
 */

/** A line of the article's visible text, with raw offsets. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s*';

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
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

/**
 * If the whole line is a publication date (optionally with weekday, time, "Published"/"Updated"),
 * return it as YYYY-MM-DD. Numeric dotted/slashed dates are read day-first (European style),
 * except ISO year-first.
 */
export function parseDateLine(line: string): string | null {
  const t = line
    .trim()
    .replace(/^(published|posted|updated|last updated|date)\s*(on|:)?\s*/i, '')
    .replace(/[,|]?\s*(?:at\s+)?(\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?(\s*[A-Z]{2,4})?)\s*$/i, '')
    .trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/))) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  if ((m = t.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/))) return isoDate(+m[3]!, +m[2]!, +m[1]!);
  if ((m = t.match(new RegExp(`^(?:${WEEKDAY_RE})?${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i'))))
    return isoDate(+m[3]!, monthIndex(m[1]!), +m[2]!);
  if ((m = t.match(new RegExp(`^(?:${WEEKDAY_RE})?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})$`, 'i'))))
    return isoDate(+m[3]!, monthIndex(m[2]!), +m[1]!);
  return null;
}

const KICKERS = /^(breaking( news)?|exclusive|opinion|analysis|live( updates)?|update[d]?|news|world|politics|advertisement|sponsored( content)?|watch|listen|video|photos?)$/i;

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
  if (words <= 40 && /\b(follow us|like us|subscribe (to|for)|sign up for|join us on|share this (article|story|post))\b/i.test(t)) return true;
  if (words <= 40 && /(facebook|twitter|instagram|telegram|gettr|newsletter|whatsapp)/i.test(t) && /\b(follow|like|subscribe|share|join)\b/i.test(t)) return true;
  if (/^(image|photo|picture|credit|photograph|illustration|video)\s*:/i.test(t) && words <= 12) return true;
  if (words <= 6 && /\bvia\s+(AP|AFP|Reuters|Getty( Images)?|EPA|[A-Z][\w]+)$/.test(t)) return true;
  if (words <= 4 && /^(AP|AFP|Reuters|Getty Images|EPA|Keystone|Shutterstock)( Photo| Images)?$/i.test(t)) return true;
  if (/^https?:\/\/\S+$/i.test(t)) return true;
  if (/^[-=_*~•·]{3,}$/.test(t)) return true;
  if (/^(©|copyright\b)/i.test(t) && words <= 20) return true;
  if (/^all rights reserved\.?$/i.test(t)) return true;
  if (parseDateLine(t)) return true;
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
  const name = "[\\p{Lu}][\\p{Ll}'’-]+(?:\\s+[\\p{Lu}]\\.)?(?:\\s+(?!and\\b)(?:de|van|von|da|del|la|le|bin|al)?\\s*[\\p{Lu}][\\p{Ll}'’-]+){1,2}"; // (?!and): the "i" flag lets \p{Lu} match "and"
  let m = t.match(new RegExp(`^by\\s+(${name}(?:\\s*(?:,|and|&)\\s*${name})*)`, 'iu'));
  if (m) return m[1]!.trim();
  if (allowBare && !KICKERS.test(t)) {
    m = t.match(new RegExp(`^(${name})$`, 'u'));
    if (m && t.split(/\s+/).length <= 4) return m[1]!;
  }
  return null;
}

/** Masthead lines that name the outlet: "© 2025 Outlet", "Outlet summarizes for you", "Published by Outlet". */
export function outletInLine(text: string): string | null {
  const t = text.trim();
  let m = t.match(/^(?:©|copyright)\s*(?:\d{4}\s*)?([\p{L}][\p{L}\s&.'-]{1,40}?)(?:[.,]|\s+all rights reserved|$)/iu);
  if (m) return m[1]!.trim();
  m = t.match(/^(?:no time\?\s*)?([\p{L}][\p{L}\s&.'-]{1,40}?)\s+summari[sz]es\s+(?:it\s+)?for you\.?$/iu);
  if (m) return m[1]!.trim();
  m = t.match(/^(?:published|first published)\s+(?:by|in)\s+([\p{L}][\p{L}\s&.'-]{1,40}?)\.?$/iu);
  if (m) return m[1]!.trim();
  return null;
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
