/**
 * When two figures are about the same quantity, and when their stated times make a
 * difference a change rather than a disagreement. Shared by /verify, /compare and the
 * digest (src/analysis/disagreements.ts).
 */
import { MEASURE_KINDS, SOFT_COUNT_MODIFIERS, REVISION_VERBS, REVISION_WHEN, TREND_PHRASES, TREND_VERBS, alternation } from '../language/lexicon/index.js';
import { terms } from '../language/tokenize.js';
import { REMAINDER_WORDS } from '../language/lexicon/figure-time.js';
import type { Figure } from './digest-figures.js';

/** A figure plus its comparability group (the part of the key before ':'). */
export function figureGroup(f: Figure): string {
  const colon = f.key.indexOf(':');
  return colon < 0 ? f.key : f.key.slice(0, colon);
}

// "left" only where nothing follows it in its clause, or a preposition of place: "12 seats left on the flight", not "500
// workers left the company".
const REMAINDER_AFTER_RE = new RegExp(`^\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${alternation(REMAINDER_WORDS.filter((w) => w !== 'left'))}\\b|left(?=\\s*$|\\s+(?:on|in|at|over|behind)\\b))`, 'iu');
const REMAINDER_BEFORE_RE = new RegExp(`\\b(?:the|its|their|his|her)\\s+(?:${alternation(REMAINDER_WORDS)})\\s+$`, 'i');

const remainders = new WeakMap<object, boolean>();

/**
 * The figure says what is left of something ("about 40 hours of oxygen remaining", "the remaining 12"), not the whole.
 * Remembered per figure: the disagreement pass compares each figure with many.
 */
export function isRemainder(f: Pick<Figure, 'display' | 'sentence'>): boolean {
  const known = remainders.get(f);
  if (known !== undefined) return known;
  const text = f.sentence.text;
  const at = text.indexOf(f.display);
  const found = at >= 0 && (REMAINDER_AFTER_RE.test(text.slice(at + f.display.length, at + f.display.length + 60).split(/[.;,:!?]/)[0]!) || REMAINDER_BEFORE_RE.test(text.slice(Math.max(0, at - 30), at)));
  remainders.set(f, found);
  return found;
}

/**
 * Two figures' stated times are far enough apart that a difference is a change, not a disagreement. What is left of
 * something ("40 hours of oxygen remaining") and the whole ("oxygen for 96 hours") are of different moments too.
 */
export function differentTimes(a: Figure, b: Figure): boolean {
  if (isRemainder(a) !== isRemainder(b)) return true;
  if (!a.when || !b.when) return false;
  if (a.when.length === 7 || b.when.length === 7) return a.when.slice(0, 7) !== b.when.slice(0, 7);
  const days = Math.abs(Date.parse(a.when) - Date.parse(b.when)) / 86_400_000;
  return days > 10;
}

/** True when two figures count the same kind of thing (same key, or same group with a shared noun). */
export function sameQuantity(a: Figure, b: Figure): boolean {
  if (a.key === b.key) return true;
  const ga = figureGroup(a);
  if (ga !== figureGroup(b)) return false;
  // Amounts of money in sentences about the same thing are about the same sum; the noun after "$10 million" is too unreliable to split on.
  if (ga === 'money') return true;
  // A bare amount or count ("$10 million", key money:money) compares with any of its group.
  if (/:(money)?$/.test(a.key) || /:(money)?$/.test(b.key)) return true;
  // Measures (analysis/figures kinds) are keyed by what they are of or from: "5 miles from the Titanic" ~ "1,600 feet from the Titanic's bow".
  if ((MEASURE_KINDS as ReadonlySet<string>).has(ga)) {
    const oa = termsOnce(a.key.slice(ga.length + 1));
    return termsOnce(b.key.slice(ga.length + 1)).some((t) => oa.includes(t));
  }
  // "reports of burns" counts burns: the thing after "of" is what compares ("burn injuries"), not the container word.
  const [wa, wb] = [thingTerms(a.noun), thingTerms(b.noun)];
  const ta = new Set(wa);
  const tb = new Set(wb);
  if (![...tb].some((t) => ta.has(t))) return false;
  // "65 container ships" of "more than 300 ships": the same head noun, narrowed by a modifier the other lacks, counts a
  // part, not a rival. ("burn injuries" and "burns" have other heads: they stay one quantity.)
  if (wa.at(-1) !== wb.at(-1)) return true;
  const extra = (x: Set<string>, y: Set<string>) => [...x].some((t) => !y.has(t) && !SOFT_MODIFIER_KEYS.has(t));
  return extra(ta, tb) === extra(tb, ta);
}

// A figure's noun and key words, tokenised once per text: `sameQuantity` is asked about many pairs of the same figures
// (the disagreement pass compares each figure with hundreds). Keyed by the text, not the figure, as builders may still
// change a figure's noun; emptied when large so a long-running process holds a bounded number.
const termCache = new Map<string, string[]>();
const thingCache = new Map<string, string[]>();
function cached(cache: Map<string, string[]>, text: string, make: (t: string) => string[]): string[] {
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= 20_000) cache.clear();
    hit = make(text);
    cache.set(text, hit);
  }
  return hit;
}
const termsOnce = (text: string) => cached(termCache, text, terms);
/** "reports of burns" counts burns: the words after "of", else the whole noun. */
const thingTerms = (noun: string) => cached(thingCache, noun, (n) => terms(/\bof\s+(.+)$/.exec(n)?.[1] ?? n));

/** Modifiers that do not narrow what is counted ("suspected traffickers" are the traffickers), as search keys. */
const SOFT_MODIFIER_KEYS: ReadonlySet<string> = new Set([...SOFT_COUNT_MODIFIERS].flatMap((w) => terms(w)));

const CHANGE_CUE_RE = new RegExp(
  `\\b(?:${alternation([...TREND_VERBS.flatMap(([, past, participle]) => [past, participle]), ...TREND_PHRASES])}|than (?:${alternation(REVISION_WHEN)}) (?:${alternation(REVISION_VERBS)}))\\b`,
  'i',
);

/** The sentence presents its figure as a change ("has since grown to", "up from", "than first thought"): a later value, not a rival one. */
export function presentsChange(f: Figure): boolean {
  return CHANGE_CUE_RE.test(f.sentence.text);
}

/** The figure pins a value down (no "at least"/"up to" bound). */
export function pinnedDown(f: Figure): boolean {
  return Number.isFinite(f.hi) && f.lo > 0;
}

/**
 * A count that went on rather than a dispute: on a later date, an open lower bound at or
 * above an earlier pinned-down value ("12 killed" on 2 March, "at least 15" on 4 March).
 * `at` is when a figure applies (its stated date, else its article's).
 */
export function risingBound(a: Figure, b: Figure, at: (f: Figure) => string | null): boolean {
  const ta = at(a);
  const tb = at(b);
  if (!ta || !tb || ta === tb) return false;
  const [early, late] = ta < tb ? [a, b] : [b, a];
  return pinnedDown(early) && !Number.isFinite(late.hi) && late.lo >= early.value;
}
