/**
 * Stance of a sentence as reporting language marks it: a statement passed on from
 * others ("reportedly", "according to"), hedged ("may have"), a denial or a refusal to
 * confirm. Small lexicon tables (src/language/lexicon), so it reads any English news
 * corpus. Shared by /verify, /compare and the digest (src/analysis/disagreements.ts).
 */
import {
  FALSITY_WORDS, NON_CONFIRMATIONS, REPORTED_HEDGES, REPORTING_WORDS, UNCERTAIN_HEDGES, alternation, denialForms, wordRe,
} from '../language/lexicon/index.js';

/** How a statement is qualified: passed on from others ("reportedly") or uncertain ("I doubt it"). */
export interface Hedge {
  kind: 'reported' | 'uncertain';
  /** The words in the text that hedge it, e.g. "reportedly", "a source familiar with plans". */
  phrase: string;
}

/** The strongest hedge in a text: a reporting hedge wins over mere uncertainty. */
export function hedgeOf(text: string): Hedge | null {
  for (const re of REPORTED_HEDGES) {
    const m = re.exec(text);
    if (m) return { kind: 'reported', phrase: m[0].trim() };
  }
  for (const re of UNCERTAIN_HEDGES) {
    const m = re.exec(text);
    if (m) return { kind: 'uncertain', phrase: m[0].trim() };
  }
  return null;
}

/** Only reporting hedges (what /compare calls "hedged"): uncertainty words are too common to oppose "firm". */
export function reportedHedgeOf(text: string): Hedge | null {
  const h = hedgeOf(text);
  return h?.kind === 'reported' ? h : null;
}

const FALSITY = alternation(FALSITY_WORDS);
const DENIAL_RE = new RegExp(
  `\\b(?:${alternation([...denialForms(), ...NON_CONFIRMATIONS])}|called (?:it |the (?:report|story|claim)s? )?(?:a )?(?:${FALSITY}|fabricat\\w+)|` +
    `(?:${FALSITY}) (?:story|report|news|claims?)|(?:story|report|claim|allegation)s? (?:is|was|are|were) (?:${FALSITY})|not true)\\b`,
  'i',
);
const REPORT_NOUN_RE = wordRe(REPORTING_WORDS);
const STRONG_DENIAL_RE = new RegExp(`^(?:${alternation(denialForms({ strong: true }))})$`, 'i');
const REPORT_RE =
  /\b(?:reported|reports that|report that|reporting that|has learned|have learned|first reported|according to|told (?:the )?[A-Z][\w]+|says it(?:['’]s| has) obtained|obtained by|the publication reports|continues)\b/i;

/** The denial phrase when a sentence denies or refuses to confirm a report or claim. */
export function denialOf(text: string): string | null {
  const m = DENIAL_RE.exec(text);
  if (!m) return null;
  // "denied that the company delayed the recall": a denial of what someone alleges, whoever alleges it.
  if (STRONG_DENIAL_RE.test(m[0]) && new RegExp(`\\b${m[0]}\\s+(?:that|having|ever|any)\\b`, 'i').test(text)) return m[0];
  // "denied the report", "did not confirm the Post's report", "a fake story": a denial *of something said*.
  return REPORT_NOUN_RE.test(text) ? m[0] : null;
}

/** A refusal to confirm is weaker than a denial: it leaves a report open rather than disputing it. */
export function isNonConfirmation(phrase: string): boolean {
  return /confirm/i.test(phrase);
}

/** True when a sentence passes on a report ("X reported that…", "according to…", "The Post has learned"). */
export function isReport(text: string): boolean {
  return REPORT_RE.test(text) || !!reportedHedgeOf(text);
}
