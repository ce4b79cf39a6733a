/**
 * Key figures by rule: numbers in the article text together with the thing they
 * count (troops, ships, strikes, deaths, money…), when the text says it applied,
 * and who says so. Nothing here knows the story: the rules are a small lexicon of
 * countable news nouns plus patterns for qualifiers ("at least", "roughly"),
 * attributions ("according to…", "X said") and anaphora ("that number has grown
 * to…"). Values from different dates show as a change; values from independent
 * sources for the same time whose ranges cannot both be true are a disagreement.
 */
import { parseDates } from '../language/dates.js';
import {
  QUALIFIER_RANGES,
  CASUALTY_ROOTS, COUNT_COUNTRY_MODIFIERS, COUNTED_NOUNS, FIGURE_FILLERS, FIGURE_NOUNS, IRREGULAR_PAST_VERBS, IRREGULAR_PLURALS, MEASURE_NOUNS, MONTH_PATTERN,
  NON_COUNT_KINDS, NON_NAME_SUBJECTS, NOUN_PHRASE_STOPS, NUMBER_WORDS, PHRASE_FUNCTION_WORDS, QUALIFIERS, RELATIVE_DAYS, SCALES, SOFT_COUNT_MODIFIERS, TALLY_VERBS, TREND_VERBS,
  MONTHS, UNIT_NOUNS, WEEKDAYS, alternation, speechForms,
} from '../language/lexicon/index.js';
import { lemma as lemmaOf, root, verbForms, words as wordsOf } from '../language/tokenize.js';
import type { Article, Sentence } from '../types.js';
import { figureAnaphor, readFigures, type FigureReading } from './figures.js';

/** What a figure counts, as a readable label; the key groups comparable figures. */
export interface Figure {
  key: string;
  label: string;
  /** The numeric value (money in units of currency). */
  value: number;
  /** The value as the text writes it (with qualifier), e.g. "at least 61", "$50 million". */
  display: string;
  /** Range the qualifier allows, for deciding whether two figures conflict. */
  lo: number;
  hi: number;
  /** The noun phrase counted, as written, e.g. "suspected traffickers". */
  noun: string;
  /** The date phrase in the sentence, e.g. "in August", or null. */
  whenText: string | null;
  /** Best date the figure applies to (YYYY-MM-DD, or YYYY-MM when only the month is known), or null. */
  when: string | null;
  /** Who the sentence attributes it to, or null (then the article itself says so). */
  who: string | null;
  /** Extra note, e.g. "doubled from $25 million". */
  note?: string;
  articleId: string;
  sentence: Sentence;
}

type Category = { label: string; group: string };

/** Countable news nouns → the category they report. */
const NOUNS: Record<string, Category> = Object.fromEntries(COUNTED_NOUNS.flatMap((c) => c.nouns.map((w) => [w, { label: c.label, group: c.group }])));
// "fighters" is ambiguous (jets or combatants): following "F-35"-like tokens it is aircraft.

/** Adjectives that describe *who* was counted but not *what* (kept out of the grouping key). */
const SOFT_MODIFIERS = new Set([...SOFT_COUNT_MODIFIERS, ...COUNT_COUNTRY_MODIFIERS]);
const QUALIFIER_ALTERNATION = alternation(QUALIFIERS);
/** "sales were about $5m", "the bill at $2bn": the noun an amount is the value of, before the number. */
const NOUN_BEFORE_AMOUNT_RE = new RegExp(`\\b([a-z]+)\\s+(?:at|of|is|was|were|totals?|worth|reached)\\s+(?:(?:${QUALIFIER_ALTERNATION})\\s+)?$`, 'i');
const NOUN_BEFORE_CURRENCY_RE = new RegExp(`\\b([a-z]+)\\s+(?:is|was|are|were|of|at|will be|would be|totals?|worth)\\s+(?:(?:${QUALIFIER_ALTERNATION})\\s+)?[$€£¥]`, 'i');

const NUM = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')}`;
const FIGURE_RE = new RegExp(
  `(?<![\\w.,$€£-])(?:(${QUALIFIER_ALTERNATION})\\s+)?([$€£])?\\s?(${NUM})(?:\\s+(thousand|million|billion|trillion|bn|m)\\b)?((?:\\s+[A-Za-z][\\w’'.-]*){0,4})`,
  'gi',
);
/** A count of the dead: a word of the kill/die families near it ("killed", "deaths", "fatalities"). */
const mentionsDeath = (text: string) => wordsOf(text).some((w) => CASUALTY_ROOTS.has(root(lemmaOf(w))));
const ANAPHORA_RE = new RegExp(`\\b(that|the|this)\\s+(${FIGURE_NOUNS.join('|')})\\b`, 'i');
const MONTH_RE = new RegExp(`\\b${MONTH_PATTERN}\\.?\\s*$`, 'i');

function parseNumber(text: string): number {
  const w = NUMBER_WORDS[text.toLowerCase()];
  return w ?? Number(text.replace(/,/g, ''));
}

/** The values a qualifier allows ("more than 60" is above 60): the lexicon's one table of qualifier ranges. */
function range(qualifier: string | undefined, v: number): [number, number] {
  const r = QUALIFIER_RANGES[(qualifier ?? '').toLowerCase().replace(/\s+/g, ' ')];
  if (!r) return [v, v];
  return [v * r[0], r[1] === Infinity ? Infinity : v * r[1]];
}

/** Reporting verbs an attribution names its source by ("officials said", "X estimated", "said X"). */
const SOURCE_VERBS = alternation([...speechForms({ roles: ['say'], ambiguous: false, forms: ['base', 's', 'past'] }), ...speechForms({ roles: ['report', 'allege'], forms: ['s', 'past'] })]);
const GROUP_SOURCE_RE = new RegExp(
  `\\b((?:[A-Z][\\w.]*\\s+)?(?:administration\\s+)?(?:officials|analysts|authorities|experts|police|prosecutors|investigators))\\s+(?:have\\s+|had\\s+)?(?:${SOURCE_VERBS})\\b`,
);
/** "Alaska Airlines on Friday announced": a day between the source and its verb is when, not who. */
const WHEN_BETWEEN = `(?:(?:on|last|this|late|early)\\s+)?(?:${alternation([...WEEKDAYS, ...MONTHS])})\\s+`;
const NAMED_SOURCE_RE = new RegExp(`\\b((?:[A-Z][\\w.’'-]+\\s+){0,3}[A-Z][\\w.’'-]+)\\s+(?:${WHEN_BETWEEN})?(?:${SOURCE_VERBS})\\b`);
const CALENDAR_NAME_RE = new RegExp(`^(?:${alternation([...WEEKDAYS, ...MONTHS])})$`);
const SAID_BY_RE = new RegExp(`\\b(?:${alternation(speechForms({ inverts: true, forms: ['s', 'past'] }))})\\s+((?:[A-Z][\\w.’'-]+\\s*){1,4})`);
const OPENING_SOURCE_RE = new RegExp(`^((?:[A-Z][\\w’'.-]*|[a-z][\\w’'-]*)(?:\\s+(?:[A-Z][\\w’'.-]*|[a-z][\\w’'-]*)){0,4}?)\\s+(?:${SOURCE_VERBS})\\b`);

/** Who a sentence attributes its content to, by common reporting patterns; null when unattributed. */
export function attributionOf(text: string): string | null {
  const acc = /\baccording to ((?:the\s+)?[^,.;:—–]{3,80})/i.exec(text);
  if (acc) return acc[1]!.split(/\s+/).slice(0, 12).join(' ').replace(/[’'"”]+$/, '');
  const group = GROUP_SOURCE_RE.exec(text);
  if (group) return group[1]!;
  const named = NAMED_SOURCE_RE.exec(text);
  if (named && !/^(The|A|An|He|She|It|They|We|This|That)$/.test(named[1]!) && !CALENDAR_NAME_RE.test(named[1]!)) return named[1]!;
  const saidBy = SAID_BY_RE.exec(text);
  if (saidBy) return saidBy[1]!.trim();
  return null;
}

function lemma(word: string): string {
  return word.toLowerCase().replace(/[’'.,;:]+$/g, '');
}

const RELATIVE_DAY_RE = new RegExp(`\\b(?:week|${alternation([...RELATIVE_DAYS, ...WEEKDAYS])})\\b`, 'i');
/** Past forms of the verbs that say a figure changed ("sales fell 12 percent"). */
const TREND_PAST: ReadonlySet<string> = new Set(TREND_VERBS.map(([, past]) => past));

function when(text: string, ref: Date | null): { whenText: string | null; when: string | null } {
  if (!ref) return { whenText: null, when: null };
  for (const r of parseDates(text, ref)) {
    const s = r.stated;
    // Relative weekday names only make sense against the article's own date.
    if (s.month === undefined && !RELATIVE_DAY_RE.test(r.text)) continue;
    let d = r.date;
    let text = r.text;
    // "On April 2, 12 ships…": chrono reads "12" as the year 2012; a year needs four digits here.
    const shortYear = /^(.*?\d{1,2}),\s*\d{1,2}$/.exec(text);
    if (s.year !== undefined && shortYear) {
      text = shortYear[1]!;
      d = new Date(Date.UTC(ref.getUTCFullYear(), r.resolved.month - 1, r.resolved.day));
      if (d.getTime() > ref.getTime() + 86_400_000) d = new Date(Date.UTC(ref.getUTCFullYear() - 1, r.resolved.month - 1, r.resolved.day));
    }
    if (d.getTime() > ref.getTime() + 86_400_000) continue;
    const iso = d.toISOString().slice(0, 10);
    return { whenText: text.replace(/[,.;]+$/, ''), when: s.day !== undefined || s.month === undefined ? iso : iso.slice(0, 7) };
  }
  return { whenText: null, when: null };
}

/**
 * The most a count of others ("Scott and five other people") makes with the names listed before it: the reading's
 * upper bound (analysis/figures), for the count whose number ends at `end`; the value itself for any other count.
 */
function othersWhole(text: string, end: number, value: number): number {
  if (!/^\s+other\s/i.test(text.slice(end, end + 12))) return value;
  const r = readFigures(text).find((x) => x.kind === 'count' && x.end >= end - 1 && x.start < end && x.value === value);
  return r ? r.hi : value;
}

/**
 * Extract figures from one article. `refDate` anchors relative dates ("on Friday")
 * and is the article's date, or a corpus-level stand-in for undated articles.
 */
export function extractFigures(article: Article, refDate: string | null): Figure[] {
  const out: Figure[] = [];
  const ref = refDate ? new Date(`${refDate}T12:00:00Z`) : null;
  const articleOwnRef = article.date ? new Date(`${article.date}T12:00:00Z`) : null;
  let previous: Figure | undefined;
  for (const [si, sentence] of article.sentences.entries()) {
    const text = sentence.text;
    const found: Figure[] = [];
    const { whenText, when: whenIso } = when(text, articleOwnRef ?? ref);
    let recentCount: FigureReading | null | undefined;
    const who = attributionOf(text);
    FIGURE_RE.lastIndex = 0;
    for (let m = FIGURE_RE.exec(text); m; m = FIGURE_RE.exec(text)) {
      const [whole, qualifier, currency, numText, scaleWord, tail] = m;
      // Resume right after the number: the words we peeked at may hold the next figure ("… and roughly 90 aircraft").
      FIGURE_RE.lastIndex = m.index + whole!.length - tail!.length;
      const before = text.slice(0, m.index);
      if (MONTH_RE.test(before)) continue; // "Oct. 24", "November 2": a date, not a count
      if (/^\d{4}$/.test(numText!) && !currency && !scaleWord) {
        const y = Number(numText);
        if (y >= 1800 && y <= 2100) continue; // a year
      }
      const after = text.slice(m.index + whole!.length - tail!.length);
      if (/^(?:-|\s*(?:percent|per cent|%|years?|km|kilometers?|miles?|minutes?|hours?|days?|weeks?|months?|times)\b)/i.test(after)) continue;
      let value = parseNumber(numText!) * (scaleWord ? SCALES[scaleWord.toLowerCase()]! : 1);
      if (!Number.isFinite(value) || value <= 0) continue;
      const words = tail!.trim().split(/\s+/).filter(Boolean);
      const display0 = `${qualifier ? `${qualifier.toLowerCase()} ` : ''}${currency ?? ''}${numText}${scaleWord ? ` ${scaleWord}` : ''}`;
      let note: string | undefined;
      if (/\bdoubled\s+(?:the\s+)?$/i.test(before)) {
        note = `doubled from ${display0}`;
        value *= 2;
      } else if (/\btripled\s+(?:the\s+)?$/i.test(before)) {
        note = `tripled from ${display0}`;
        value *= 3;
      }
      const display = note ? formatValue(value, currency ?? undefined) : display0;
      const [lo, qualifiedHi] = range(qualifier, value);
      // "Scott and five other people": with the names listed before them, the others make a whole of up to six (readFigures).
      const hi = !qualifier && !note ? Math.max(qualifiedHi, othersWhole(text, m.index + whole!.length - tail!.length, value)) : qualifiedHi;
      const base = { value, display, lo, hi, whenText, when: whenIso, who, note, articleId: article.id, sentence };

      if (currency || (scaleWord && /^(dollars|euros|pounds)/i.test(words[0] ?? ''))) {
        // What the money is: the noun run after it ("$20 million in emergency aid" → "emergency aid"),
        // else the noun it is the value of ("the damage at $150 million" → "damage").
        const run: string[] = [];
        let i = 0;
        while (i < words.length && PHRASE_FUNCTION_WORDS.has(lemma(words[i]!))) i++;
        for (; i < words.length; i++) {
          const w = words[i]!;
          if (PHRASE_FUNCTION_WORDS.has(lemma(w)) || !/^[a-z]/.test(w) || /(ing|ed)$/.test(lemma(w)) || /^(dollars|euros|pounds)$/i.test(w)) break;
          run.push(lemma(w));
          if (/[,.;:—–)]$/.test(w)) break;
        }
        let noun = run.join(' ');
        if (!noun) noun = NOUN_BEFORE_AMOUNT_RE.exec(before)?.[1]?.toLowerCase() ?? '';
        const headWord = noun.split(' ').pop() ?? '';
        found.push({ ...base, key: `money:${headWord || 'money'}`, label: noun ? capitalise(noun) : 'Money', noun: noun || 'money' });
        continue;
      }

      // Head noun: the first lexicon word among up to four following words,
      // crossing only modifiers (no stop words, no sentence punctuation).
      let head: { index: number; cat: Category } | undefined;
      for (let i = 0; i < words.length; i++) {
        const w = lemma(words[i]!);
        if (PHRASE_FUNCTION_WORDS.has(w)) break;
        const cat = NOUNS[w];
        if (cat) {
          head = { index: i, cat };
          break;
        }
        if (/[,.;:—–)]$/.test(words[i]!)) break;
      }
      const killed = mentionsDeath(text.slice(Math.max(0, m.index - 40), m.index + whole!.length + 30));
      if (head) {
        const nounWords = words.slice(0, head.index + 1).map(lemma);
        let noun = nounWords.join(' ');
        if (head.cat.group === 'quantity' && lemma(words[head.index + 1] ?? '') === 'of' && words[head.index + 2]) {
          noun = `${noun} of ${lemma(words[head.index + 2]!)}`;
        }
        const keyWords = nounWords.filter((w) => !SOFT_MODIFIERS.has(w));
        let cat = head.cat;
        if (lemma(words[head.index]!) === 'fighters' && head.index > 0 && /\d/.test(words[head.index - 1]!)) cat = NOUNS['jets']!;
        if (killed && (cat.group === 'people' || cat.group === 'casualties' || cat.group === 'troops')) {
          found.push({ ...base, key: 'killed', label: 'People killed', noun });
        } else {
          found.push({ ...base, key: `${cat.group}:${keyWords.join(' ')}`, label: cat.label === 'Quantity' ? capitalise(noun) : capitalise(keyWords.join(' ')), noun });
        }
        continue;
      }
      // "killing at least 61 suspected traffickers": any plural noun right after a number in a killing context.
      if (killed) {
        const plural = words.slice(0, 3).find((w) => /^[a-z][a-z-]*s[,.;]?$/.test(w));
        if (plural) {
          found.push({ ...base, key: 'killed', label: 'People killed', noun: words.slice(0, words.indexOf(plural) + 1).map(lemma).join(' ') });
          continue;
        }
      }
      // "That number has since grown to roughly 10,000": the count of the previous figure.
      const since = { when: whenIso ?? article.date, whenText: whenText ?? (/\bsince\b/i.test(text) ? 'since then' : null) };
      if (previous && ANAPHORA_RE.test(text) && (!words.length || !/^[a-z]/.test(words[0]!))) {
        found.push({ ...base, key: previous.key, label: previous.label, noun: previous.noun, ...since });
      } else if (!previous && ANAPHORA_RE.test(text) && (!words.length || !/^[a-z]/.test(words[0]!)) && figureAnaphor(text, m.index + whole!.indexOf(numText!)) && (recentCount ??= lastCount(article.sentences.slice(Math.max(0, si - 2), si)))) {
        // … of a count the lexicon does not know ("300 firefighters"), keyed as the digest keys any count (genericFigures).
        const nounWords = recentCount.noun!.split(' ');
        const kept = nounWords.filter((w) => !SOFT_MODIFIERS.has(w));
        const head = nounStem(nounWords.at(-1)!);
        const counted: CountedFigure = { ...base, key: `count:${head}`, label: capitalise(kept.join(' ')), noun: recentCount.noun!, head, core: kept.map(nounStem), ...since };
        found.push(counted);
      }
    }
    out.push(...found);
    if (found.length) previous = found[found.length - 1];
  }
  return out;
}

/** The last count of a noun in these sentences ("… carrying 300 firefighters"), read as the figures analysis reads it. */
function lastCount(sentences: Sentence[]): FigureReading | null {
  for (const s of [...sentences].reverse()) {
    const c = readFigures(s.text).filter((r) => r.kind === 'count' && r.noun && r.head).at(-1);
    if (c) return c;
  }
  return null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "$50 million", "4,500". */
export function formatValue(v: number, currency?: string): string {
  const c = currency ?? '';
  for (const [word, scale] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6]] as const) {
    if (v >= scale) return `${c}${+(v / scale).toFixed(2)} ${word}`;
  }
  return `${c}${v.toLocaleString('en-US')}`;
}

/** Two figures cannot both be true (disjoint ranges). */
export function conflicts(a: Figure, b: Figure): boolean {
  return a.hi < b.lo || b.hi < a.lo;
}

// ---------------------------------------------------------------------------
// The digest's wider reading: counts of any noun, percentages, money written as
// HTML entities. `extractFigures` (shared with /verify and /compare) stays as it
// is; the digest adds what its lexicon does not know, by form alone.

/** Extra fields the digest's generic counts carry (optional on every Figure). */
export interface CountedFigure extends Figure {
  /** Stem of the counted noun ("kettle", "burn"), for matching across wordings. */
  head?: string;
  /** Stems of the counted noun phrase ("electric", "kettle"). */
  core?: string[];
  /** Stem of the verb that did the counting or acting ("recall"), when one precedes the number. */
  verb?: string | null;
}

const ENTITIES: Record<string, string> = { pound: '£', euro: '€', dollar: '$', yen: '¥', nbsp: ' ', amp: '&', '#163': '£', '#8364': '€', '#36': '$', '#160': ' ' };
/** Decode the few HTML entities that change how a figure reads (same text otherwise). */
export function decodeEntities(text: string): string {
  return text.replace(/&(pound|euro|dollar|yen|nbsp|amp|#163|#8364|#36|#160);/g, (m, name: string) => ENTITIES[name] ?? m);
}


/** A light noun stem: "kettles" → "kettle", "injuries" → "injury", "burns" → "burn". */
export function nounStem(word: string): string {
  const w = word.toLowerCase().replace(/[’'.,;:!?)"”]+$/g, '');
  if (/ies$/.test(w) && w.length > 4) return w.replace(/ies$/, 'y');
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (/[^s]s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Stem of a verb: "recalled" → "recall", "counted" → "count", "sold" → "sold". */
export function verbStem(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_PAST_VERBS.has(w)) return w;
  return w.replace(/ied$/, 'y').replace(/([^aeiouls])\1ed$/, '$1').replace(/ed$/, '').replace(/e$/, '');
}

/** Verbs that report or tally a figure rather than say what happened to it: they never split a quantity. */
const NEUTRAL_VERBS = new Set(TALLY_VERBS.flatMap(verbForms).map((w) => verbStem(w)));
/** Those verbs as written ("counted", "said", "had"). */
export const isTallyVerb = (word: string): boolean => TALLY_FORMS.has(word.toLowerCase());
const TALLY_FORMS = new Set(TALLY_VERBS.flatMap(verbForms));

const isPlural = (w: string) => IRREGULAR_PLURALS.has(w) || (/^[a-z][a-z-]*[^su]s$/.test(w) && w.length > 3) || /ies$/.test(w);

/** The verb just before a number ("recalled about 40,000" → recall; "had received 23" → receiv), or null. */
function verbBefore(before: string): string | null {
  const toks = before.replace(/[“”"]/g, ' ').trim().split(/\s+/).reverse();
  for (let i = 0; i < Math.min(toks.length, 4); i++) {
    const raw = toks[i]!;
    if (/[,.;:!?—–)]$/.test(raw) && i > 0) break;
    const w = raw.toLowerCase().replace(/[,.;:]+$/, '');
    if (FIGURE_FILLERS.has(w)) continue;
    if (IRREGULAR_PAST_VERBS.has(w) || /^[a-z]{3,}ed$/.test(w)) return verbStem(w);
    if (QUALIFIERS.includes(w)) continue;
    break;
  }
  return null;
}

/** Who says so in the digest: the sentence's own opening subject of "said" first ("Consumer advocates said …"), then the shared rules. */
export function digestAttribution(text: string): string | null {
  const m = OPENING_SOURCE_RE.exec(text.trim());
  // "Trump’s administration has previously said": the speaker ends before the auxiliary or adverb.
  const subject = m?.[1]?.split(/\s+(?:has|have|had|was|were|is|are|previously|also|already|reportedly|later|then|once|never|again|repeatedly|publicly|quickly)\b/)[0];
  if (subject && !NON_NAME_SUBJECTS.has(subject.toLowerCase()) && !/\b(?:who|which|that|and|but)\b/.test(subject)) {
    // "The company said" → "the company"; "The Consumer Safety Board said" keeps its capital.
    return /^The [a-z]/.test(subject) ? `t${subject.slice(1)}` : subject;
  }
  return attributionOf(text);
}

/**
 * Counts of any plural noun ("about 40,000 electric kettles", "23 reports of burns",
 * "31 burn injuries"), percentages ("12 percent of staff") and money the lexicon
 * missed. Each carries the counted noun's stem, its phrase's stems and the verb before
 * it, so the digest can group the same quantity across wordings.
 */
function genericFigures(article: Article, sentence: Sentence, text: string, ref: Date | null, known: Figure[]): CountedFigure[] {
  const out: CountedFigure[] = [];
  const knownValues = new Set(known.map((f) => f.value));
  const re = new RegExp(`(?<![\\w.,$€£¥/:-])(?:(${QUALIFIERS.join('|')})\\s+)?(${NUM})(?![A-Za-z])(?:\\s+(thousand|million|billion)\\b)?(?![\\w.,]*\\d)`, 'gi');
  let stamp: { whenText: string | null; when: string | null } | undefined;
  // What each number measures, read once (analysis/figures): "8:30 p.m.", "150 mph", "300 millimetres" are no counts.
  const readings = readFigures(text);
  for (const m of text.matchAll(re)) {
    const [whole, qualifier, numText, scaleWord] = m;
    const before = text.slice(0, m.index);
    const at = m.index! + whole!.indexOf(numText!);
    const reading = readings.find((r) => r.start <= at && at < r.end);
    if (reading && NON_COUNT_KINDS.has(reading.kind)) continue;
    if (MONTH_RE.test(before)) continue;
    if (/[$€£¥]\s?$/.test(before)) continue;
    if (/^\d{4}$/.test(numText!) && Number(numText) >= 1800 && Number(numText) <= 2100) continue;
    // "KettlePro 2", "Flight 370": a number right after a capitalised word (not the sentence's first) names a thing.
    const prev = /(\S+)\s+$/.exec(before)?.[1] ?? '';
    if (/^[A-Z][\w-]*$/.test(prev) && before.trim() !== prev && !qualifier) continue;
    const value = parseNumber(numText!) * (scaleWord ? SCALES[scaleWord.toLowerCase()]! : 1);
    if (!Number.isFinite(value) || value <= 1) continue;
    if (knownValues.has(value)) continue;
    const after = text.slice(m.index! + whole!.length);
    const [lo, qualifiedHi] = range(qualifier, value);
    // "Scott and five other people": with the names listed before them, the others make a whole of up to six (readFigures).
    const hi = !qualifier ? Math.max(qualifiedHi, othersWhole(text, m.index! + whole!.length, value)) : qualifiedHi;
    const display = `${qualifier ? `${qualifier.toLowerCase()} ` : ''}${numText}${scaleWord ? ` ${scaleWord}` : ''}`;
    stamp ??= when(text, ref);
    const who = digestAttribution(text);
    const verb = verbBefore(before);
    const base = { value, display, lo, hi, ...stamp, who, articleId: article.id, sentence, verb };

    const pct = /^\s*(?:%|percent\b|per cent\b)/i.exec(after);
    if (pct) {
      // "12 percent of staff" → staff; "sales fell 12 percent" → sales.
      const of = /^\s*of\s+(?:the\s+|its\s+|their\s+)?((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)/i.exec(after.slice(pct[0].length));
      let noun = of?.[1]?.split(/\s+/).filter((w) => !NOUN_PHRASE_STOPS.has(w)).join(' ') ?? '';
      if (!noun) {
        const pre = before.toLowerCase().match(/[a-z][a-z-]*/g) ?? [];
        const rev = [...pre].reverse();
        const i = rev.findIndex((w) => !NOUN_PHRASE_STOPS.has(w) && !FIGURE_FILLERS.has(w) && !/ed$/.test(w) && !QUALIFIERS.includes(w) && !TREND_PAST.has(w) && w !== 'by' && w !== 'to');
        // "Sales of the kettle fell 12 percent": the sales fell, not the kettle.
        const j = i >= 0 && rev[i + 1] === 'of' ? i + 2 : i >= 0 && rev[i + 1] === 'the' && rev[i + 2] === 'of' ? i + 3 : i;
        noun = rev[j] ?? rev[i] ?? '';
      }
      if (!noun) continue;
      const head = nounStem(noun.split(' ').pop()!);
      out.push({ ...base, display: `${display}%`, key: `percent:${head}`, label: `${capitalise(noun)} (%)`, noun: `of ${noun}`, head, core: noun.split(' ').map(nounStem) });
      continue;
    }

    // The counted noun phrase: ordinary lower-case words up to the first plural noun.
    const ws = after.trim().split(/\s+/).slice(0, 8);
    const np: string[] = [];
    let head: string | undefined;
    let measure: string | undefined;
    for (let i = 0; i < ws.length; i++) {
      const raw = ws[i]!;
      const w = raw.toLowerCase().replace(/[’'.,;:!?)"”]+$/g, '');
      if (!/^[a-z][a-z-]*$/.test(w) || !/^[a-z]/.test(raw) || NOUN_PHRASE_STOPS.has(w)) break;
      if (np.length && /ed$/.test(w) && !isPlural(w)) break;
      np.push(w);
      if (isPlural(w)) {
        if (MEASURE_NOUNS.has(w) && /^of$/i.test(ws[i + 1] ?? '') && ws[i + 2]) {
          // "reports of burns": the burns are what is counted.
          measure = w;
          np.push('of');
          i++;
          continue;
        }
        head = w;
        break;
      }
      if (/[,.;:!?)]$/.test(raw) || np.length >= 4) break;
    }
    // "The death toll has climbed to 2,862", "the number of dead stands at 64": a count of the dead (analysis/figures reads
    // the figure noun's value) is a count of people killed, as the lexicon's own are.
    if (!head && reading?.kind === 'count' && reading.head && CASUALTY_ROOTS.has(root(lemmaOf(reading.head)))) {
      out.push({ ...base, key: 'killed', label: 'People killed', noun: 'dead' });
      continue;
    }
    // "the crew of 25", "the number of evacuees rose to 26,000": the noun analysis/figures reads before the number.
    if (!head && reading?.kind === 'count' && reading.noun) {
      np.splice(0, np.length, ...reading.noun.split(' '));
      head = np[np.length - 1];
    }
    if (!head || UNIT_NOUNS.has(head)) continue;
    const noun = np.join(' ');
    const coreWords = (measure ? np.slice(np.indexOf('of') + 1) : np).filter((w) => !SOFT_MODIFIERS.has(w));
    const h = nounStem(head);
    out.push({
      ...base,
      key: `count:${h}`,
      label: capitalise(coreWords.join(' ') || noun),
      noun,
      head: h,
      core: [...new Set([...coreWords.map(nounStem), ...(measure ? [] : [])])],
    });
  }
  return out;
}

/**
 * Every figure the digest reports for an article: the lexicon's (`extractFigures`)
 * plus generic counts, percentages and entity-written money. Sentences keep their
 * identity (citations quote the article text as written).
 */
export function digestFigures(article: Article, refDate: string | null): CountedFigure[] {
  const decoded = article.sentences.some((s) => s.text.includes('&'))
    ? { ...article, sentences: article.sentences.map((s) => ({ ...s, text: decodeEntities(s.text) })) }
    : article;
  const original = new Map(article.sentences.map((s) => [s.id, s]));
  const lexicon: CountedFigure[] = extractFigures(decoded, refDate).map((f) => ({ ...f, sentence: original.get(f.sentence.id) ?? f.sentence }));
  const ref = article.date ? new Date(`${article.date}T12:00:00Z`) : refDate ? new Date(`${refDate}T12:00:00Z`) : null;
  const out: CountedFigure[] = [];
  for (const s of decoded.sentences) {
    const known = lexicon.filter((f) => f.sentence.id === s.id);
    for (const f of known) {
      // "Union leaders said …": the shared rules miss a lower-case plural speaker.
      f.who ??= digestAttribution(s.text);
      f.verb = verbBefore(s.text.slice(0, Math.max(0, s.text.indexOf(f.display.replace(/^(?:[a-z]+\s)+/, '')))));
      // "The refund is £35 per kettle": the money is the refund, per kettle.
      if (f.key.startsWith('money:') && /^per\s/.test(f.noun)) {
        const what = NOUN_BEFORE_CURRENCY_RE.exec(s.text)?.[1]?.toLowerCase();
        const unit = f.noun.replace(/[,.;:]+$/, '');
        f.noun = what ? `${what} ${unit}` : unit;
        f.label = capitalise(f.noun);
        f.key = `money:${what ?? nounStem(unit.split(' ').pop()!)}`;
      }
      out.push(f);
    }
    out.push(...genericFigures(article, original.get(s.id) ?? s, s.text, ref, known));
  }
  return out;
}

/** Two generic counts count the same thing: one's counted noun is in the other's phrase ("burns" / "burn injuries"). */
export function sameThing(a: CountedFigure, b: CountedFigure): boolean {
  // "power outages" and "water outages" share a head but not a kind: when both say which kind, it must be the same.
  const kindsOf = (f: CountedFigure) => (f.core ?? []).filter((w) => w !== f.head);
  const ka = kindsOf(a);
  const kb = kindsOf(b);
  if (ka.length && kb.length && !ka.some((w) => kb.includes(w))) return false;
  if (a.key === b.key) return true;
  if (!a.head || !b.head || !a.core || !b.core) return false;
  if (a.key.split(':')[0] !== b.key.split(':')[0]) return false;
  return b.core.includes(a.head) || a.core.includes(b.head);
}

/** Verbs agree unless both say what happened and say different things ("recalled" vs "sold"). */
export function sameAction(a: CountedFigure, b: CountedFigure): boolean {
  const va = actionOf(a);
  const vb = actionOf(b);
  return !va || !vb || va === vb;
}

/** What a figure says happened, when it says (a verb that is not neutral), else null: the only input of `sameAction`. */
export function actionOf(f: CountedFigure): string | null {
  return f.verb && !NEUTRAL_VERBS.has(f.verb) ? f.verb : null;
}

/** Everything `sameThing` reads of a figure, as one string: figures alike in it are the same thing to every other. */
export function thingSignature(f: CountedFigure): string {
  return `${f.key}\u0000${f.head ?? ''}\u0000${f.core ? f.core.join(' ') : '\u0001'}`;
}

/** The words that say which of the counted thing, stemmed, with the counted noun last ("12 fire trucks" → fire, truck); soft modifiers ("suspected", "Iranian") left out. */
function countedWords(f: Figure): string[] {
  const ws = f.noun.toLowerCase().split(/\s+/).map((w) => w.replace(/[’'.,;:!?)"”]+$/g, '')).filter((w) => /^[a-z][a-z-]*$/.test(w));
  return ws.filter((w) => !SOFT_MODIFIERS.has(w) && !PHRASE_FUNCTION_WORDS.has(w)).map(nounStem);
}

/**
 * `a` counts a part of what `b` counts: the same counted noun with words naming which kind
 * ("12 fire trucks" within "46 trucks"). A part is never a rival reading of the whole, nor a
 * later value of it.
 */
export function narrowerThan(a: Figure, b: Figure): boolean {
  if (a.key.startsWith('money:') || a.key.startsWith('percent:')) return false;
  const wa = countedWords(a);
  const wb = countedWords(b);
  if (!wa.length || !wb.length || wa.at(-1) !== wb.at(-1)) return false;
  return wa.length > wb.length && wb.every((w) => wa.includes(w));
}
