/**
 * Denial and negation: verbs that dispute what someone else says, phrases that
 * refuse to confirm it, words that call it false, and plain negation cues.
 */

/** Verbs that dispute a statement, with their forms (base, third person, past, -ing). */
export const DENIAL_VERBS: readonly (readonly [base: string, s: string, past: string, ing: string])[] = [
  ['deny', 'denies', 'denied', 'denying'],
  ['dispute', 'disputes', 'disputed', 'disputing'],
  ['reject', 'rejects', 'rejected', 'rejecting'],
  ['dismiss', 'dismisses', 'dismissed', 'dismissing'],
  ['refute', 'refutes', 'refuted', 'refuting'],
  ['contradict', 'contradicts', 'contradicted', 'contradicting'],
];

/** Forms of the denial verbs; `strong` leaves out the weaker "dismiss" and "contradict". */
export function denialForms(opts: { forms?: readonly ('base' | 's' | 'past' | 'ing')[]; strong?: boolean } = {}): string[] {
  const idx = { base: 0, s: 1, past: 2, ing: 3 } as const;
  const forms = opts.forms ?? (['base', 's', 'past', 'ing'] as const);
  return DENIAL_VERBS.filter((v) => !opts.strong || (v[0] !== 'dismiss' && v[0] !== 'contradict')).flatMap((v) => forms.map((f) => v[idx[f]]));
}

/** Phrases that decline to confirm: weaker than a denial, they leave a report open. */
export const NON_CONFIRMATIONS: readonly string[] = [
  'did not confirm',
  "didn't confirm",
  'didn’t confirm',
  'does not confirm',
  'refused to confirm',
  'declined to confirm',
  'would not confirm',
];

/** Words that call a statement untrue ("a fake story", "not true"). */
export const FALSITY_WORDS: readonly string[] = ['fake', 'false', 'untrue', 'baseless', 'wrong'];

/** Nouns for something said that a denial can answer ("denied the report"), singular and plural. */
export const REPORT_NOUNS: readonly string[] = [
  'report', 'reports', 'story', 'stories', 'article', 'articles', 'claim', 'claims', 'allegation', 'allegations', 'account', 'accounts', 'source', 'sources',
];

/** Words for what was reported, which a denial answers: the report nouns and "reported", "reporting", "newspaper" ("denied what the newspaper reported"). */
export const REPORTING_WORDS: readonly string[] = [...REPORT_NOUNS, 'reported', 'reporting', 'newspaper'];

/**
 * Words that take their meaning from a negation before them in the same clause ("does not include or constitute any
 * admission of liability", "never found a single survivor"): the negation reaches the word they introduce, whatever
 * verbs stand between.
 */
export const NEGATIVE_POLARITY: readonly string[] = ['any', 'a single'];

/** Words that open a clause of its own, which a negation before them does not reach ("did not say whether any …"). */
export const POLARITY_BARRIERS: readonly string[] = ['whether', 'if', 'that', 'which', 'who', 'when', 'where', 'because', 'but', 'although', 'though', 'while', 'until', 'unless'];

/** Negation cues; "not" is handled by callers because "not only", "not yet known" do not negate. */
export const NEGATION_CUES: readonly string[] = [
  'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot',
  'yet to', 'unable to', 'impossible', 'failed to', 'fails to', 'ruled out', 'rules out', 'rule out', 'refused to', 'refuses to', 'declined to', 'doubt', 'doubts',
];

/**
 * Words that negate the verb right after them (an adverb may stand between: "can't yet return", "were not allowed to
 * return", "has yet to reopen"); "n't" is read on any auxiliary. A date in such a clause is when the act did not happen.
 */
export const VERB_NEGATORS: readonly string[] = ['not', 'never', 'cannot', 'no longer', 'yet to', 'unable to', 'failed to'];

/** Words that may stand between a negator and its verb ("can't yet return", "were not allowed to return"). */
export const NEGATED_VERB_LEADS: readonly string[] = ['yet', 'even', 'be', 'been', 'allowed to', 'able to', 'permitted to'];

/** Words that turn a negated verb's date into when the act did happen ("could not return until Friday"). */
export const NEGATION_TURNS: readonly string[] = ['until', 'till', 'before'];
