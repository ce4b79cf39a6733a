/**
 * One fact, one answer for dates: the date the timeline (and the digest) gives an event
 * is the date /ask answers to "when …?" and the date /verify holds a claim to. Checked by
 * structure only — events, sentences and dates come from the corpus's own analysis, the
 * questions and claims are made from each event's own sentence by one generic rule — so
 * the same checks run on any corpus, including real news the repository must not embed.
 */
import { analysisOf } from '../../src/analysis/index.js';
import { ask } from '../../src/engines/ask.js';
import { digest } from '../../src/engines/digest.js';
import { verify } from '../../src/engines/verify.js';
import { timeline } from '../../src/engines/timeline.js';
import { addDays, findDateMentions, formatDate, parseYmd, resolveMention, weekdayOf, ymdToIso, type DateMention } from '../../src/index/dates.js';
import { verbPhrases } from '../../src/language/tense.js';
import { MONTHS, QUESTION_NOISE, STOPWORDS } from '../../src/language/lexicon/index.js';
import type { Deps } from '../../src/deps.js';
import type { Answer, Article, DatePrecision, Sentence } from '../../src/types.js';
import type { Inconsistency } from './figure-consistency.js';

export type { Inconsistency };

type Precision = Exclude<DatePrecision, 'unknown'>;

/** A dated event as the timeline states it, with the sentence and date phrase it is dated by. */
export interface StatedDate {
  /** ISO date at the event's precision ("2025-10-31", "2025-08", "2029"). */
  date: string;
  precision: Precision;
  /** The telling the check works from: its article and sentence. */
  article: Article;
  sentence: Sentence;
  /** The date phrase of that sentence that gives the event its date. */
  mention: DateMention;
  /** Other phrases of the sentence giving the same date ("since Tuesday (March 23)"). */
  others: DateMention[];
  /** The digest's "Latest on the timeline" states this event (with this date). */
  inDigest: boolean;
}

/** Does a mention, read in its article, give `date` at `precision`? By its own stated parts when the article gives no day to count from. */
function givesDate(m: DateMention, article: Article, date: string, precision: Precision): boolean {
  const ref = article.date ? parseYmd(article.date) : null;
  const r = resolveMention(m, ref);
  if (r) return r.precision === precision && r.date === date;
  // An undated article: the timeline inferred the rest (year or day); the mention must state nothing else.
  const [y, mo, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m.year !== undefined && m.year !== y) return false;
  if (m.month !== undefined && m.month !== mo) return false;
  if (m.day !== undefined && m.day !== d) return false;
  if (m.weekday !== undefined && (precision !== 'day' || weekdayOf({ y, m: mo!, d: d! }) !== m.weekday)) return false;
  return m.kind !== 'relative' && m.kind !== 'year' ? m.month !== undefined || m.weekday !== undefined : precision === 'year';
}

/**
 * The dated events the timeline states (not background), each with the telling whose own
 * date phrase gives that date — dated articles first — marked when the digest states it too.
 */
export async function statedDates(deps: Deps): Promise<StatedDate[]> {
  const d = await digest(deps, { chartDir: null });
  const out: StatedDate[] = [];
  const placed = analysisOf(deps).sentenceDates;
  for (const e of analysisOf(deps).events.events) {
    if (!e.date || e.background || e.precision === 'unknown') continue;
    const precision = e.precision;
    const inDigest = (d.events ?? []).some((x) => x.date === e.date && e.members.some((m) => x.text.includes(m.sentence.text.trim())));
    const tellings = [...e.members].sort((a, b) => (a.article.date ? 0 : 1) - (b.article.date ? 0 : 1));
    for (const m of tellings) {
      const all = findDateMentions(m.sentence.text);
      const [mention, ...others] = all.filter((x) => givesDate(x, m.article, e.date!, precision));
      if (!mention) continue;
      // A sentence telling two days ("…, which went missing on Sunday, …, Mauger said on Thursday") is two events:
      // a "when" question made of it names neither, so another telling is asked, or none.
      const ref = m.article.date ? parseYmd(m.article.date) : null;
      if (all.some((x) => { const r = resolveMention(x, ref); return r?.precision === 'day' && r.date !== e.date; })) continue;
      // So is one the timeline places on two days in an article with no date of its own ("SAN FRANCISCO, Jan. 26 … on
      // Friday announced … since an accident on Jan. 5").
      if ((placed.get(m.sentence.id) ?? []).filter((x) => x.precision === 'day' && x.date !== e.date).length) continue;
      const stated: StatedDate = { date: e.date, precision, article: m.article, sentence: m.sentence, mention, others, inDigest };
      // A sentence with nothing but its date to look up ("Then, again on January 4.") makes no question and no claim.
      if (!contentWords(whenQuestion(stated)).length) continue;
      out.push({ date: e.date, precision, article: m.article, sentence: m.sentence, mention, others, inDigest });
      break;
    }
  }
  return out;
}

/** The digest's dated lines are timeline events with the timeline's date: one mismatch per line that is not. */
export async function checkDigestDates(deps: Deps): Promise<Inconsistency[]> {
  const d = await digest(deps, { chartDir: null });
  const t = timeline(deps, { pageSize: 10_000 });
  const bad: Inconsistency[] = [];
  for (const e of d.events ?? []) {
    // A sentence telling two days ("… on Friday announced … since an accident on Jan. 5") is two timeline events with
    // one text: the digest's line must be one of them.
    const same = (t.events ?? []).filter((x) => x.text.trim() === e.text.trim());
    if (!same.some((x) => x.date === e.date)) bad.push({ fact: `${e.date}: ${e.text.slice(0, 120)}`, command: 'digest vs /timeline', got: same.length ? `timeline dates it ${same.map((x) => x.date).join(' and ')}` : 'not a timeline event' });
  }
  return bad;
}

/** Up to `max` events, deterministic: those the digest states first, then spread evenly over the timeline. */
export function sampleDates(dates: StatedDate[], max = 15): StatedDate[] {
  const first = dates.filter((x) => x.inDigest);
  const rest = dates.filter((x) => !x.inDigest).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sentence.id < b.sentence.id ? -1 : 1));
  const room = Math.max(0, max - first.length);
  const step = rest.length / Math.max(1, room);
  const spread = rest.length <= room ? rest : Array.from({ length: room }, (_, i) => rest[Math.floor(i * step)]!);
  return [...first.slice(0, max), ...spread];
}

// --- the question and claims made from an event's sentence ---------------------------

/** Words that go with a date phrase ("on Friday", "last July", "as of Friday", "by Tuesday"). */
const LEAD_IN = /(?:\b(?:on|in|at|by|since|as of|until|during|from|last|this|early|late|mid|the)\s+)+$/i;

/** The span of a date phrase with its lead-in words ("on", "last", "as of"). */
function spanOf(text: string, m: DateMention): { start: number; end: number; lead: string } {
  const lead = LEAD_IN.exec(text.slice(0, m.index))?.[0] ?? '';
  return { start: m.index - lead.length, end: m.index + m.text.length, lead };
}

/**
 * The sentence without the event's date phrase (and its preposition), and what stood before it.
 * Other phrases giving the same date ("since Tuesday (March 23)") go too, so a claim states it once.
 */
function withoutDate(s: StatedDate): { before: string; after: string; lead: string } {
  let text = s.sentence.text;
  let { start, end, lead } = spanOf(text, s.mention);
  for (const o of [...s.others].sort((a, b) => b.index - a.index)) {
    let { start: a, end: b } = spanOf(text, o);
    // "(March 23)": the brackets around a repeated date go with it.
    if (/\(\s*$/.test(text.slice(0, a)) && /^\s*\)/.test(text.slice(b))) {
      a = text.slice(0, a).lastIndexOf('(');
      b = b + text.slice(b).indexOf(')') + 1;
    }
    if (b <= start) {
      start -= b - a;
      end -= b - a;
    } else if (a < end) continue;
    text = `${text.slice(0, a).replace(/\s+$/, '')}${/^[\s,.;:]/.test(text.slice(b)) ? '' : ' '}${text.slice(b)}`;
    if (b <= s.mention.index) {
      // Re-find the kept phrase after the removal shifted it.
      const at = text.indexOf(s.mention.text);
      if (at >= 0) ({ start, end, lead } = spanOf(text, { ...s.mention, index: at }));
    }
  }
  // "On Oct. 24, Hegseth ordered …": the comma closing an opening date goes with it.
  if (!/[\p{L}\p{N}]/u.test(text.slice(0, start)) && /^\s*,/.test(text.slice(end))) end = end + text.slice(end).indexOf(',') + 1;
  return { before: text.slice(0, start), after: text.slice(end), lead };
}

const MAX_QUESTION_WORDS = 16;

/** The words of a question a reader could look up: not function words, not the words every question has ("when", "happened"). */
function contentWords(q: string): string[] {
  return q.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w && !STOPWORDS.has(w) && !NOISE.has(w));
}
const NOISE = new Set(QUESTION_NOISE);

/**
 * "When …?" from an event's sentence: its date phrase taken out, and when it opens with a
 * subject and a simple past verb, "When did <subject> <verb> …?" ("Halvard caused … on
 * Monday" → "When did Halvard cause …?"); otherwise "When <the rest>?".
 */
export function whenQuestion(s: StatedDate): string {
  const { before, after } = withoutDate(s);
  let joined = `${before}${after}`.trim();
  // '"I don't think so," Trump replied': the speaker and verb first, then what was said.
  const quoted = /^["“]?([^"“”]+?)[,.?!]?["”]\s*,?\s+([^"“”]+)$/.exec(joined);
  if (quoted) {
    // The words after the quotation are its speaker and a past speech verb ("…," Trump replied) or something else ("…," WaPo continues).
    const tail = quoted[2]!.replace(/[.!?]+$/, '');
    const spoke = tail.split(/\s+/).length <= 6 && verbPhrases(tail).some((v) => v.tense === 'past');
    joined = spoke ? `${tail} ${quoted[1]}` : quoted[1]!;
  }
  const rest = joined.replace(/["“”]/g, '').replace(/\s+([,.;:])/g, '$1').replace(/\s+/g, ' ').replace(/[\s,.;:!?]+$/, '').trim();
  const clip = (t: string) => t.split(/\s+/).slice(0, MAX_QUESTION_WORDS).join(' ').replace(/[,;:]$/, '');
  // A lead-in before the subject ("However, Trump …") is not part of it.
  const body = rest.replace(/^(?:however|meanwhile|still|also|but|and|yet|now|then|so)\b,?\s+/i, '');
  // "the stranded ship": a participle after an article is not the clause's verb.
  const verb = verbPhrases(body).find((v) => !v.infinitive && !/\b(?:the|a|an)\s+$/i.test(body.slice(0, v.start)));
  const subject = verb ? body.slice(0, verb.start).trim().replace(/^(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\b/, (w) => w.toLowerCase()) : '';
  const words = subject.split(/\s+/).filter(Boolean);
  if (verb && verb.tense === 'past' && !/\s/.test(verb.text) && verb.lemma !== 'be' && words.length >= 1 && words.length <= 8 && !/[,;:"“”]/.test(subject)) {
    return `When did ${subject} ${verb.lemma} ${clip(body.slice(verb.end).trim())}`.replace(/\s+$/, '') + '?';
  }
  // "was expected to …", "were still …", "had left …": the auxiliary goes first.
  const aux = verb ? /^(was|were|had|has|have|is|are)\b\s*(.*)$/i.exec(verb.text) : null;
  if (verb && aux && words.length >= 1 && words.length <= 8 && !/[,;:]/.test(subject)) {
    return `When ${aux[1]!.toLowerCase()} ${subject} ${clip(`${aux[2]} ${body.slice(verb.end).trim()}`.trim())}`.replace(/\s+$/, '') + '?';
  }
  return `When ${clip(body.replace(/^(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\b/, (w) => w.toLowerCase()))}?`;
}

/** The date written out as news writes it: "31 October 2025", "October 2025", "2025". */
export function writtenDate(date: string, precision: Precision): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (precision === 'day') return `${d} ${MONTHS[m! - 1]} ${y}`;
  if (precision === 'month') return `${MONTHS[m! - 1]} ${y}`;
  return String(y);
}

/** The same precision, moved: three weeks for a day, three months for a month, three years for a year. */
export function movedDate(date: string, precision: Precision): string {
  if (precision === 'day') return ymdToIso(addDays(parseYmd(date)!, 21));
  const [y, m] = date.split('-').map(Number) as [number, number?];
  if (precision === 'month') {
    const k = y * 12 + (m! - 1) + 3;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  }
  return String(y + 3);
}

/** The event's sentence as a claim, its date phrase replaced by the date written out ("on 31 October 2025"). */
export function dateClaim(s: StatedDate, date = s.date): string {
  const { before, after, lead } = withoutDate(s);
  const keep = /^(?:by|since|as of|until|from)\b/i.exec(lead.trim())?.[0];
  const prep = keep ?? (s.precision === 'day' ? 'on' : 'in');
  // "during its June 18 descent", "Monday's rescue effort": a date used as a modifier takes no preposition.
  const modifier = /^['’]s\b/.test(after) || (!lead && /\b(?:its|his|her|their|our|the|a|an|this|that)\s*$/i.test(before));
  const phrase = modifier ? writtenDate(date, s.precision) : `${prep} ${writtenDate(date, s.precision)}`;
  const opening = !/[\p{L}\p{N}]/u.test(before);
  const head = opening ? `${before.trim()}${phrase.charAt(0).toUpperCase()}${phrase.slice(1)},` : `${before.replace(/\s*$/, ' ')}${phrase}`;
  return `${head}${opening ? ' ' : /^[,.;:!?"”’)]|^'s\b/.test(after) ? '' : ' '}${after.replace(/^\s+/, '')}`.replace(/\s+/g, ' ').trim();
}

// --- what an answer states ---------------------------------------------------------

/** One date an answer states, at the precision it states it. */
export interface AnswerDate {
  date: string;
  precision: Precision;
  text: string;
  /** Written as a calendar date ("31 October", "Oct. 24", "2025-10-31"); false for a weekday or a relative word read against the article's date. */
  explicit: boolean;
  /** The text gives no year ("Oct. 24", "in August"): compared by month and day only. */
  yearless?: boolean;
}

/** An ISO day at another precision ("2025-10-31" at month: "2025-10"). */
const atPrecision = (date: string, p: Precision) => (p === 'day' ? date.slice(0, 10) : p === 'month' ? date.slice(0, 7) : date.slice(0, 4));

/**
 * The dates a piece of answer text states, each read against `ref` (the cited article's
 * date): explicit calendar dates, and weekdays or relative words resolved the way the
 * timeline resolves them. The "(2025-11-02):" label after an outlet is the article's own
 * date, not a date the answer gives the event, and is left out.
 */
export function datesStated(text: string, ref: string | null): AnswerDate[] {
  const clean = text.replace(/\s\(\d{4}-\d{2}-\d{2}\):/g, ':');
  const refYmd = ref ? parseYmd(ref) : null;
  const out: AnswerDate[] = [];
  for (const m of findDateMentions(clean)) {
    const explicit = m.kind !== 'weekday' && m.kind !== 'relative';
    const r = resolveMention(m, refYmd);
    if (r) out.push({ date: r.date, precision: r.precision, text: m.text, explicit, ...(m.year === undefined && explicit ? { yearless: true } : {}) });
    // Without the article's date, a written date still states its month and day: compared by those.
    else if (explicit && m.month !== undefined) out.push({ date: `0000-${String(m.month).padStart(2, '0')}${m.day ? `-${String(m.day).padStart(2, '0')}` : ''}`, precision: m.day ? 'day' : 'month', text: m.text, explicit, yearless: true });
  }
  return out;
}

/** Does a stated date give the event's date (at the event's precision or finer)? */
function sameDate(a: AnswerDate, date: string, precision: Precision): boolean {
  if (precision === 'day' ? a.precision !== 'day' : a.precision === 'year' && precision !== 'year') return false;
  const mine = atPrecision(a.date, precision);
  return a.yearless ? precision !== 'year' && mine.slice(4) === date.slice(4) : mine === date;
}

/** The top of an answer: its one-line answer, its first block, and the quotes that block cites. */
function topOf(a: Answer): { text: string; ref: string | null }[] {
  const first = a.blocks[0];
  if (!first) return [];
  const cites = [...new Set([...(a.short?.cites ?? []), ...first.cites])];
  const refOf = (n: number) => a.citations.find((c) => c.n === n)?.date ?? null;
  const ref = refOf(cites[0] ?? -1);
  return [
    ...(a.short ? [{ text: a.short.text, ref }] : []),
    { text: first.text, ref },
    ...cites.map((n) => ({ text: a.citations.find((c) => c.n === n)?.quote ?? '', ref: refOf(n) })),
  ];
}

/**
 * For each event: /ask "when …?" states its date as a date (not only a weekday to count from
 * the article's date), and /verify does not contradict its sentence with the date written
 * out, nor support it with the date moved (three weeks, months or years).
 */
export async function checkDates(deps: Deps, dates: StatedDate[]): Promise<Inconsistency[]> {
  const bad: Inconsistency[] = [];
  for (const s of dates) {
    const fact = `${formatDate(s.date, s.precision)} — ${s.article.id}: ${s.sentence.text.slice(0, 160)}`;
    // "some of last year's near-collisions": the date is the noun's, not the sentence's; "when …?" of the sentence does
    // not ask it. The claim with the date written out is still checked.
    const ofNoun = /^['’]s\b/.test(withoutDate(s).after);
    const q = whenQuestion(s);
    const a = ofNoun ? null : await ask(deps, q);
    if (!a) {
      checkClaims(deps, s, fact, bad);
      continue;
    }
    const stated = a.answered ? topOf(a).flatMap((p) => datesStated(p.text, p.ref)) : [];
    let explicit = stated.filter((x) => x.explicit && sameDate(x, s.date, s.precision));
    if (!explicit.length && a.answered) {
      // A question two events answer ("When were four boys brought out?": on Sunday, and four more on Tuesday) may lead
      // with the other: the event's own sentence must then be quoted below it, labelled with its date.
      const own = a.blocks.slice(1).filter((b) => b.cites.some((n) => a.citations.find((c) => c.n === n)?.quote.includes(s.sentence.text.trim())));
      const label = (b: Answer['blocks'][number]) => b.text.slice(0, Math.max(0, b.text.indexOf('“')));
      explicit = own.flatMap((b) => datesStated(label(b), a.citations.find((c) => c.n === b.cites[0])?.date ?? null)).filter((x) => x.explicit && sameDate(x, s.date, s.precision));
    }
    if (!explicit.length) {
      const implicit = stated.filter((x) => sameDate(x, s.date, s.precision));
      const said = stated.map((x) => `${x.text} = ${x.date}`).join('; ') || 'no date';
      const why = !a.answered ? 'not answered' : implicit.length ? `only as ${implicit.map((x) => `"${x.text}"`).join(', ')}, a day to count from the article's date` : `states ${said}`;
      bad.push({ fact, command: `/ask ${q}`, got: `${why} | top: ${(a.blocks[0]?.text ?? '').slice(0, 200)}` });
    }
    checkClaims(deps, s, fact, bad);
  }
  return bad;
}

/** /verify does not contradict the event's sentence with its date written out, nor support it with the date moved. */
function checkClaims(deps: Deps, s: StatedDate, fact: string, bad: Inconsistency[]): void {
  const claim = dateClaim(s);
  const yes = verify(deps, claim);
  if (yes.verdict === 'contradicted') bad.push({ fact, command: `/verify ${claim}`, got: `${yes.verdict}: ${yes.blocks[0]?.text.slice(0, 200) ?? ''}` });
  const wrong = dateClaim(s, movedDate(s.date, s.precision));
  const no = verify(deps, wrong);
  if (no.verdict === 'supported') bad.push({ fact, command: `/verify ${wrong}`, got: `${no.verdict}: ${no.blocks[0]?.text.slice(0, 200) ?? ''}` });
}
