/**
 * Figures of the whole corpus as /verify, /compare and the digest read them beside the
 * figure lexicon's readings of every article (analysis/digest-figures.ts, by sentence in
 * src/analysis/index.ts): the plain counts it does not know ("40 freight lines", "42,000
 * kettles").
 */
import { COUNT_PHRASE_STOPS, MONTH_PATTERN, NON_COUNT_KINDS, QUALIFIER_RANGES, SUBJECT_PRONOUNS, alternation, speechForms } from '../language/lexicon/index.js';
import { readFigures } from './figures.js';
import { STOPWORDS, terms } from '../language/tokenize.js';
import type { Article, Corpus, Sentence } from '../types.js';
import { attributionOf, type Figure } from './digest-figures.js';
import { sharedString } from './persist.js';

const COUNT_RE = new RegExp(`(?<![\\w.,$€£-])(?:(${alternation(Object.keys(QUALIFIER_RANGES))})\\s+)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)((?:\\s+[a-z][a-z-]*){1,3})`, 'gi');
const MONTH_BEFORE_RE = new RegExp(`\\b${MONTH_PATTERN}\\.?\\s*$`, 'i');

/**
 * Plain counts the figure lexicon does not know ("40 freight lines", "12 depots"): a number and the noun
 * after it (the last of up to three ordinary words before a stop word). Keyed by that noun, so only
 * counts of the same thing compare. Years, money, percentages and dates are left to their own rules.
 */
export function countsIn(text: string, sentence: Sentence, articleId: string): Figure[] {
  const out: Figure[] = [];
  // What each number measures, read once by the shared reader (analysis/figures): "5:07 p.m", "150 mph" are no counts.
  let readings: ReturnType<typeof readFigures> | undefined;
  for (const m of text.matchAll(COUNT_RE)) {
    const [, qualifier, numText, tail] = m;
    const before = text.slice(0, m.index);
    if (MONTH_BEFORE_RE.test(before)) continue;
    const at = m.index! + m[0].indexOf(numText!);
    readings ??= readFigures(text);
    if (readings.some((r) => r.start <= at && at < r.end && NON_COUNT_KINDS.has(r.kind))) continue;
    const value = Number(numText!.replace(/,/g, ''));
    if (!Number.isFinite(value) || value <= 0 || (/^\d{4}$/.test(numText!) && value >= 1800 && value <= 2100)) continue;
    const ws = tail!.trim().split(/\s+/);
    if (/^(percent|per|million|billion|thousand|trillion|years?|months?|weeks?|days?|hours?|minutes?|times)$/i.test(ws[0]!)) continue;
    const content: string[] = [];
    for (const w of ws) {
      const lw = w.toLowerCase();
      if (STOPWORDS.has(lw) || COUNT_PHRASE_STOPS.has(lw)) break;
      // "31 burn injuries linked to …": a participle after the noun starts what is said about it.
      if (content.length && /(?:ed|ing)$/.test(lw)) break;
      content.push(lw);
    }
    const noun = content[content.length - 1];
    if (!noun) continue;
    // "23 reports of burns", "12 cases of measles": what is counted is named after "of" too.
    const ofNoun = ws[content.length]?.toLowerCase() === 'of' && ws[content.length + 1] && !STOPWORDS.has(ws[content.length + 1]!.toLowerCase())
      ? ws[content.length + 1]!.toLowerCase().replace(/[^a-z-]+$/, '')
      : null;
    const [lo, hi] = QUALIFIER_RANGES[(qualifier ?? '').toLowerCase().replace(/\s+/g, ' ')] ?? [1, 1];
    const display = `${qualifier ? `${qualifier} ` : ''}${numText}`;
    out.push({
      key: `count:${terms(ofNoun ?? noun)[0] ?? ofNoun ?? noun}`, label: ofNoun ? `${noun} of ${ofNoun}` : noun, value, display, lo: value * lo, hi: value * hi, noun: ofNoun ? `${content.join(' ')} of ${ofNoun}` : content.join(' '),
      whenText: null, when: null, who: null, articleId, sentence,
    });
  }
  return out;
}

/** "A former military diver has died", "one person was killed": a single one, the subject right before the verb. */
const SINGLE_SUBJECT_RE = /(?:^|[,;:]\s*|\b(?:and|but|when|after|as)\s+)((?:[Aa]n?|[Oo]ne)\s+(?:[\p{L}'’-]+\s+){0,4}?([\p{L}'’-]+))\s+(?:(?:has|have|had|was|were|is)\s+)?(?:(?:been|also|reportedly|later|since)\s+)?$/u;

/**
 * The single subject written right before a verb at `verbAt` ("A former military diver has died": "A former military
 * diver", noun "diver"): one of that noun did it. /ask reads it as a count of one for "how many … <verb>", /verify as
 * the figure 1 of a claim's count of that noun with that verb.
 */
export function singleSubjectBefore(text: string, verbAt: number): { start: number; end: number; text: string; noun: string } | null {
  const m = SINGLE_SUBJECT_RE.exec(text.slice(0, verbAt));
  if (!m) return null;
  const start = m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length, text: m[1]!, noun: m[2]! };
}

/** The count of one that `singleSubjectBefore` reads before a verb, as a figure compared with other counts of its noun. */
export function singleCount(sentence: Sentence, verbAt: number, articleId: string): Figure | null {
  const one = singleSubjectBefore(sentence.text, verbAt);
  const key = one && terms(one.noun)[0];
  if (!one || !key) return null;
  return { key: `count:${key}`, label: one.noun.toLowerCase(), value: 1, display: one.text, lo: 1, hi: 1, noun: one.noun.toLowerCase(), whenText: null, when: null, who: null, articleId, sentence };
}

/**
 * Plain counts ("42,000 kettles") in sentences, except where the lexicon already read that number.
 * Not cached here: src/analysis builds them once per corpus version.
 */
export function plainCounts(corpus: Corpus, known: { get(sentenceId: string): Figure[] | undefined }): Figure[] {
  return corpus.articles.flatMap((a) => plainCountsIn(a, known));
}

/** One article's plain counts (`plainCounts`), so a caller working in slices can read them an article at a time. */
export function plainCountsIn(a: Article, known: { get(sentenceId: string): Figure[] | undefined }): Figure[] {
  const out: Figure[] = [];
  for (const s of a.sentences) {
    const lex = known.get(s.id) ?? [];
    for (const c of countsIn(s.text, s, a.id)) {
      if (lex.some((f) => f.value === c.value || f.display.includes(c.display))) continue;
      // In place (a spread's copy takes more memory), with the strings shared (46 -> ? MB at 10,000 articles).
      c.who = sourceOfSentence(s.text);
      c.key = sharedString(c.key);
      c.label = sharedString(c.label);
      c.noun = sharedString(c.noun);
      c.display = sharedString(c.display);
      if (c.who) c.who = sharedString(c.who);
      out.push(c);
    }
  }
  return out;
}

/** Who a sentence's figure is from: the subject of an opening "X said" ("The company said…", "Consumer advocates said…"), else the usual attribution. */
const OPENING_SOURCE_RE = new RegExp(
  `^\\s*((?:[\\p{L}’'.-]+\\s+){0,4}?[\\p{L}’'.-]+)\\s+(?:${alternation([...speechForms({ roles: ['say'], ambiguous: false, forms: ['s', 'past'] }), ...speechForms({ roles: ['report'], forms: ['s', 'past'] })])})\\b`,
  'u',
);
const SUBJECT_PRONOUN: ReadonlySet<string> = new Set(SUBJECT_PRONOUNS);
function sourceOfSentence(text: string): string | null {
  const m = OPENING_SOURCE_RE.exec(text);
  if (m && !SUBJECT_PRONOUN.has(m[1]!.toLowerCase())) return m[1]!.replace(/^The\b/, 'the');
  return attributionOf(text);
}
