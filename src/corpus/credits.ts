/**
 * Who published an article, from the credits news pages print: agency datelines
 * ("LONDON (Reuters) —", "(Newser) –"), bylines that name a newsroom instead of a
 * person ("By <Station> Staff", "By <Outlet> News", "By Jane Doe, <Outlet>"), source,
 * copyright and "originally published by" lines, a masthead above the headline.
 *
 * Each form is one row of CREDIT_FORMS (where it may appear, its shape, how much it
 * says about the publisher), so a new form is a new row, not another branch. Rows
 * match whole lines or the start of a paragraph only: "…, said Reuters" in a body
 * sentence names a source, not the publisher.
 */
import { COMPANY_SUFFIXES, MONTH_SHORT, OUTLET_WORDS, WEEKDAY_SHORT, alternation } from '../language/lexicon/index.js';

/** Where on the page a credit form may appear. */
export type CreditPlace =
  | 'header' // the lines above the body: masthead, headline, byline, date line
  | 'lead' // the start of one of the first body paragraphs (datelines)
  | 'line'; // any short standalone line (source, copyright, "originally published by")

/** An outlet found in the text, with the form that found it. */
export interface Credit {
  outlet: string;
  form: string;
  /** 3: the publisher is stated; 2: a newsroom byline or wire credit; 1: a hint (masthead shape, a link's host). */
  strength: number;
}

/**
 * Wire services and the short credits they print. A credit found in a dateline or byline
 * is shown by the agency's full name; any other credit is shown as printed.
 */
export const AGENCIES: readonly { credit: string; name: string }[] = [
  { credit: 'AP', name: 'The Associated Press' },
  { credit: 'Associated Press', name: 'The Associated Press' },
  { credit: 'The Associated Press', name: 'The Associated Press' },
  { credit: 'AFP', name: 'Agence France-Presse' },
  { credit: 'Agence France-Presse', name: 'Agence France-Presse' },
  { credit: 'Reuters', name: 'Reuters' },
  { credit: 'Thomson Reuters', name: 'Reuters' },
  { credit: 'UPI', name: 'United Press International' },
  { credit: 'CP', name: 'The Canadian Press' },
  { credit: 'The Canadian Press', name: 'The Canadian Press' },
  { credit: 'AAP', name: 'Australian Associated Press' },
  { credit: 'PA', name: 'PA Media' },
  { credit: 'PTI', name: 'Press Trust of India' },
  { credit: 'ANI', name: 'ANI' },
  { credit: 'IANS', name: 'IANS' },
  { credit: 'dpa', name: 'dpa' },
  { credit: 'EFE', name: 'EFE' },
  { credit: 'ANSA', name: 'ANSA' },
  { credit: 'Xinhua', name: 'Xinhua' },
  { credit: 'Kyodo', name: 'Kyodo News' },
  { credit: 'Yonhap', name: 'Yonhap' },
  { credit: 'TASS', name: 'TASS' },
  { credit: 'Bloomberg', name: 'Bloomberg' },
];

/**
 * Photo credits that name no publisher: wire and picture agencies, social networks, the
 * subject's own handout. A photo credited to anything else ("Photo credit: <Outlet>") is the
 * outlet's own picture, a weak sign of the outlet.
 */
export const NOT_PUBLISHER_PHOTO_CREDITS: readonly string[] = [
  'Getty Images', 'Getty', 'Shutterstock', 'Alamy', 'iStock', 'iStockphoto', 'EPA', 'EPA-EFE', 'Keystone', 'Supplied', 'File',
  'Handout', 'Pool', 'Facebook', 'Twitter', 'X', 'Instagram', 'YouTube', 'TikTok', 'Telegram', 'Google', 'Google Maps',
  'Wikimedia Commons', 'Wikimedia', 'Unsplash', 'Pexels', 'Screenshot', 'Screengrab', 'Courtesy', 'Stock', 'NASA', 'Maxar',
  'Maxar Technologies', 'Planet Labs', 'Sputnik',
];

/** Byline tails that credit a newsroom, not a person: "<Station> Staff", "Staff Report", "News Desk". */
const STAFF = String.raw`(?:(?:web|digital|news|online|editorial|wire|special)\s+)?(?:staff(?:\s+(?:reports?|writers?|correspondents?|and\s+wire\s+(?:reports|services)))?|(?:news\s*)?desk|newsroom|wire\s+(?:reports|services)|editorial\s+board|editors|team|reports?|correspondents?)`;
const STAFF_RE = new RegExp(`^(?:(?:our|an?|the)\\s+)?(.*?)\\s*\\b${STAFF}$`, 'i');

/** Roles that follow a name in a byline ("By Jane Doe, Staff Writer"): never an outlet. */
const ROLE_RE = /^(?:(?:senior|chief|staff|contributing|special|political|foreign|national|local|business|science|health|tech(?:nology)?|sports?|weather|news|investigative|associate|managing|deputy|digital|data|breaking\s+news)\s+)*(?:writer|reporter|correspondent|editor|contributor|columnist|producer|journalist|photographer|analyst|intern|staff|anchor|meteorologist)s?$/i;

/** Capitalised words (an outlet's name as printed), with joiners such as "of", "&", "-". */
const WORD = String.raw`[\p{Lu}\d](?:[\p{L}\d&'’-]|\.(?=[\p{L}\d]))*`; // a dot only inside ("Dailymail.com"), not the full stop
const NAME = String.raw`(?:[Tt]he\s+)?${WORD}(?:\s+(?:of\s+|for\s+|and\s+|&\s+|de\s+|on\s+)?${WORD}){0,5}`;
/** A person's name in a byline (two or three capitalised words, any case for ALL-CAPS wire bylines). */
const PERSON = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}\.)?(?:\s+(?:de|van|von|da|del|la|le|bin|al)?\s*\p{Lu}[\p{L}'’-]+){1,2}`;
// "By", "by:", and "ByHT Correspondent" (a page flattened without the space); not the i flag: it would make \p{Lu} match lower case.
const BY = String.raw`^[Bb][Yy]:?(?:\s+|(?=\p{Lu}))`;

/** A name ending like an outlet's ("… News", "… Herald", "… CNN"): the lexicon's outlet words. */
const OUTLET_NOUN_RE = new RegExp(`\\b(?:${alternation(OUTLET_WORDS)})$`);
/** Words that can stand in parentheses at a paragraph's start without being a credit. */
const NOT_A_CREDIT = /^(?:photo|photos|video|file|update[d]?|watch|listen|audio|opinion|analysis|graphic|map|sponsored|advertisement|ad|reuters\s+graphic|cnn\s+video)$/i;
const WEEKDAY_OR_MONTH = new RegExp(`^(?:${[...WEEKDAY_SHORT, ...MONTH_SHORT].join('|')})`, 'i');

/** The agency's full name for a credit, or null when the credit is not a wire service's. */
export function agencyName(credit: string): string | null {
  const c = credit.trim().replace(/\.$/, '');
  // Short credits (AP, PA) must match case; names match in any case ("REUTERS").
  const row = AGENCIES.find((a) => (a.credit.length <= 4 ? a.credit === c : a.credit.toLowerCase() === c.toLowerCase()));
  return row?.name ?? null;
}

/** A role after a byline's name ("Staff Writer", "Senior Correspondent"). */
export function isRole(text: string): boolean {
  return ROLE_RE.test(text.trim());
}

/** Does this look like an outlet's name (not a person, role or place)? */
export function looksLikeOutlet(name: string): boolean {
  const n = name.trim();
  if (!n || n.split(/\s+/).length > 6 || ROLE_RE.test(n)) return false;
  if (agencyName(n)) return true;
  if (OUTLET_NOUN_RE.test(n.replace(/[.,]$/, ''))) return true;
  if (/^[\p{Lu}\d&]{3,6}(?:[-\s][\p{Lu}\d]{1,4})?$/u.test(n)) return true; // call letters and initials: CNN, KSLA, WFLA-TV (not "UK", "DC")
  return /^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|co|news|tv|info|io)$/i.test(n); // a domain printed as a name
}

/** "<Station> Staff" → "<Station>", "Staff Report" → "" (a staff credit with no name); null when not a staff credit. */
export function staffCredit(name: string): string | null {
  const m = name.trim().match(STAFF_RE);
  if (!m) return null;
  return m[1]!.replace(/[,|/-]\s*$/, '').trim();
}

/** "Valley Broadcasting, Inc." → "Valley Broadcasting": a legal suffix is not part of the name as shown. */
const COMPANY_SUFFIX_RE = new RegExp(`\\s*,?\\s+(?:${alternation(COMPANY_SUFFIXES)})\\.?$`, 'i');
const clean = (s: string) => s.trim().replace(COMPANY_SUFFIX_RE, '').replace(/[.,;:]+$/, '').trim();

interface CreditForm {
  /** Short label, for tests and debugging. */
  form: string;
  place: CreditPlace;
  /** A cheap test a line must pass before `re` is tried (most lines are body text). */
  hint?: RegExp;
  re: RegExp;
  strength: number;
  /** The outlet from a match, or null to reject it. Default: group 1 cleaned. */
  outlet?: (m: RegExpMatchArray) => string | null;
}

const named = (m: RegExpMatchArray) => {
  const n = clean(m[1]!);
  return n.split(/\s+/).length <= 8 && /\p{Lu}|\d/u.test(n) ? n : null;
};

/** The credit forms, most specific first within each place. */
export const CREDIT_FORMS: readonly CreditForm[] = [
  // Standalone lines.
  { form: 'copyright', hint: /^(?:©|\(c\)|copyright)/i, place: 'line', strength: 3, re: new RegExp(`^(?:©|\\(c\\)|copyright\\b)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*,?\\s*)?(${NAME})(?:[.,]|\\s+all rights reserved|\\s*$)`, 'iu'), outlet: named },
  { form: 'source', hint: /^[Ss]ource/, place: 'line', strength: 3, re: new RegExp(`^[Ss]ource\\s*:\\s*(${NAME})\\.?$`, 'u'), outlet: named },
  { form: 'originally-published', hint: /(?:originally|first)\s+(?:published|appeared)/i, place: 'line', strength: 3, re: new RegExp(`^(?:this\\s+(?:story|article|report)\\s+)?(?:was\\s+)?(?:originally|first)\\s+(?:published|appeared)\\s+(?:by|in|on|at)\\s+(${NAME})(?:\\s+on\\b.*|[.,:].*)?$`, 'iu'), outlet: named },
  // "This report by <Outlet> was first published June 28, 2023."
  { form: 'report-by', hint: /^this\s/i, place: 'line', strength: 3, re: new RegExp(`^this\\s+(?:story|article|report)\\s+by\\s+(${NAME})\\s+was\\s+(?:first|originally)\\s+published\\b`, 'iu'), outlet: named },
  { form: 'published-by', hint: /^(?:first\s+)?published\s/i, place: 'line', strength: 3, re: new RegExp(`^(?:published|first published)\\s+(?:by|in)\\s+(${NAME})\\.?$`, 'iu'), outlet: named },
  { form: 'summarizes', hint: /summari[sz]es/i, place: 'line', strength: 3, re: /^(?:no time\?\s*)?([\p{L}][\p{L}\s&.'-]{1,40}?)\s+summari[sz]es\s+(?:it\s+)?for you\.?$/iu, outlet: named },
  // "… Photo credit: <Outlet>" at the end of a caption: the outlet's own picture.
  { form: 'photo-credit', hint: /\b(?:photo|image|picture)\b/i, place: 'line', strength: 1, re: new RegExp(`(?:^|[.)]\\s+)(?:photo|image|picture)(?:\\s+credit)?\\s*:\\s*(${NAME})\\.?$`, 'iu'), outlet: (m) => {
    const c = clean(m[1]!);
    if (agencyName(c) || /\//.test(c) || NOT_PUBLISHER_PHOTO_CREDITS.some((x) => x.toLowerCase() === c.toLowerCase())) return null;
    return c.split(/\s+/).length <= 4 ? c : null;
  } },
  // Bylines in the header.
  { form: 'staff-byline', hint: /^by/i, place: 'header', strength: 3, re: new RegExp(`${BY}(.+?)\\s*(?:[|,•·]|\\s[-–—]\\s|$)`, 'iu'), outlet: (m) => { const s = staffCredit(m[1]!); return s ? clean(s) || null : null; } },
  { form: 'byline-outlet', hint: /^by/i, place: 'header', strength: 2, re: new RegExp(`${BY}${PERSON}(?:\\s*(?:,|and|&)\\s*${PERSON})*\\s*(?:,|\\||/|\\s[-–—]|\\bfor\\b|\\bof\\b)\\s*(${NAME})\\s*(?:[|•·]|\\s[-–—]\\s|$)`, 'u'), outlet: (m) => outletOfTrailer(m[1]!) },
  { form: 'agency-byline', hint: /^by/i, place: 'header', strength: 2, re: new RegExp(`${BY}(${NAME})\\s*(?:[|,•·]|\\s[-–—]\\s|$)`, 'u'), outlet: (m) => agencyName(m[1]!) ?? trailingAgency(m[1]!) ?? (OUTLET_NOUN_RE.test(clean(m[1]!)) ? clean(m[1]!) : null) },
  // A wire service's name alone on a line under the headline.
  { form: 'agency-line', hint: /^.{2,34}$/, place: 'header', strength: 2, re: /^(?:the\s+)?([\p{L}. -]{2,30}?)\.?$/iu, outlet: (m) => agencyName(m[1]!) },
  // "Jane Doe, The Example Courier" without "By": only an outlet-shaped trailer (a place can follow a name too).
  { form: 'name-outlet', hint: /^[^,|/]{3,40}[,|/][^,|/]{2,50}$/, place: 'header', strength: 2, re: new RegExp(`^${PERSON}\\s*(?:,|\\||/)\\s*(${NAME})$`, 'u'), outlet: (m) => {
    const t = clean(m[1]!);
    return agencyName(t) ?? (OUTLET_NOUN_RE.test(t) || /\.(?:com|org|net|co\.uk|news|tv)$/i.test(t) ? t : null);
  } },
  // A dateline credit at a paragraph's start: "LONDON (Reuters) —", "CAIRO, March 24 (AP) —", "(Newser) –", "(CNN)The …".
  // A dateline credit at a paragraph's start: "LONDON (Reuters) —", "CAIRO, March 24 (AP) —", "(Newser) –", "(CNN)The …".
  { form: 'dateline', hint: /^.{0,80}\(/, place: 'lead', strength: 2, re: /^(?:\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+)*(?:,\s*[\p{L}\d.’' ]{1,40}?)?\s*)?\(([\p{Lu}][\p{L}.&'’ -]{0,30}?)\)\s*(?:[-–—]+|(?=[\p{Lu}“"]))/u, outlet: (m) => {
    const c = m[1]!.trim();
    if (NOT_A_CREDIT.test(c) || WEEKDAY_OR_MONTH.test(c) && c.length <= 9 || c.split(/\s+/).length > 3) return null;
    return agencyName(c) ?? c;
  } },
  // A dateline whose place is in title case ("Mae Sai (AP) —"): only a wire service's credit, since
  // "Evergreen Marine (EMC) — the operator …" has the same shape.
  { form: 'dateline', hint: /^.{0,80}\(/, place: 'lead', strength: 2, re: /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:,\s*[\p{L}\d.’' ]{1,40}?)?\s*\(([\p{Lu}][\p{L}.&'’ -]{0,30}?)\)\s*[-–—]+/u, outlet: (m) => agencyName(m[1]!) },
];

/** "DANA WHITFIELD Associated Press" (an AP-style byline): the wire service at the end. */
function trailingAgency(name: string): string | null {
  const t = clean(name);
  for (const a of [...AGENCIES].sort((x, y) => y.credit.length - x.credit.length)) {
    if (a.credit.length > 4 && t.toLowerCase().endsWith(` ${a.credit.toLowerCase()}`)) return a.name;
  }
  return null;
}

/** The outlet named after a byline's person ("…, Reuters", "… | The Guardian", "… for Example News"). */
function outletOfTrailer(trailer: string): string | null {
  let t = clean(trailer);
  // "Newser Staff", "HT Correspondent": the newsroom the byline's person writes for.
  const staff = staffCredit(t);
  if (staff) return staff;
  // "Associated Press Writer", "The Daily News Staff Writer": the outlet before the role.
  const role = t.match(/^(.*?)\s+((?:staff\s+|senior\s+|chief\s+)?(?:writer|reporter|correspondent|editor|contributor))$/i);
  if (role && role[1]) t = role[1];
  if (!looksLikeOutlet(t)) return null;
  return agencyName(t) ?? t;
}

/** The credit a line carries at the given place, or null. */
export function creditIn(text: string, place: CreditPlace): Credit | null {
  const t = text.trim();
  if (!t) return null;
  for (const f of CREDIT_FORMS) {
    if (f.place !== place && !(f.place === 'line' && place === 'header')) continue;
    if (f.hint && !f.hint.test(t)) continue;
    if (f.place === 'line' && t.split(/\s+/).length > 40) continue;
    const m = t.match(f.re);
    if (!m) continue;
    const outlet = (f.outlet ?? named)(m);
    if (outlet) return { outlet, form: f.form, strength: f.strength };
  }
  return null;
}

/** A byline that credits a newsroom ("By <Station> Staff", "By Staff Report", "By The Associated Press"): never an author. */
export function isNewsroomByline(text: string): boolean {
  const m = text.trim().match(new RegExp(`${BY}(.+?)\\s*(?:[|,•·]|\\s[-–—]\\s|$)`, 'iu'));
  if (!m) return false;
  const name = m[1]!.trim();
  return staffCredit(name) !== null || agencyName(name) !== null || (OUTLET_NOUN_RE.test(clean(name)) && !new RegExp(`^${PERSON}$`, 'u').test(name));
}

/** A masthead line above the headline: the name of the link's site, or a short name ending like an outlet's ("The Example Herald"). */
export function mastheadIn(text: string, hostKey: string | null): Credit | null {
  const t = text.trim().replace(/^#+\s*/, '');
  const words = t.split(/\s+/);
  if (words.length > 5 || /[.!?:]$/.test(t) || !words.every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(?:of|the|and|&|de|on)$/.test(w))) return null;
  const key = t.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
  if (hostKey && key && (key === hostKey || `the${key}` === hostKey)) return { outlet: t, form: 'masthead', strength: 3 };
  // Section labels end like outlets too ("World News", "Local News"): a masthead has a name of its own.
  if (/^(?:the\s+)?(?:latest|breaking|top|world|local|national|international|business|sports?|politics|us|u\.s\.|uk|science|health|tech(?:nology)?|more|related|trending|entertainment)\s+news$/i.test(t)) return null;
  return words.length >= 2 && OUTLET_NOUN_RE.test(t) ? { outlet: t, form: 'masthead', strength: 1 } : null;
}
