/**
 * Reporting verbs: the words that attribute a statement to someone ("said",
 * "told", "alleged"). One table for every engine; `role` says what the verb does
 * to what follows, so a caller can ask for plain speech, allegations or reports.
 */

/** What a reporting verb does: passes a statement on, alleges, reports a figure or finding, or states a belief. */
export type SpeechRole = 'say' | 'allege' | 'report' | 'believe';

/** Inflected forms a caller can ask for. */
export type VerbForm = 'base' | 's' | 'past' | 'ing';

/** A reporting verb with its forms: base, third person, past (and participle), -ing. */
export interface SpeechVerb {
  lemma: string;
  forms: Readonly<Record<VerbForm, string>>;
  role: SpeechRole;
}

const v = (role: SpeechRole, base: string, s: string, past: string, ing: string): SpeechVerb => ({ lemma: base, forms: { base, s, past, ing }, role });

export const SPEECH_VERBS: readonly SpeechVerb[] = [
  v('say', 'say', 'says', 'said', 'saying'),
  v('say', 'tell', 'tells', 'told', 'telling'),
  v('say', 'add', 'adds', 'added', 'adding'),
  v('say', 'reply', 'replies', 'replied', 'replying'),
  v('say', 'respond', 'responds', 'responded', 'responding'),
  v('say', 'answer', 'answers', 'answered', 'answering'),
  v('say', 'write', 'writes', 'wrote', 'writing'),
  v('say', 'explain', 'explains', 'explained', 'explaining'),
  v('say', 'state', 'states', 'stated', 'stating'),
  v('say', 'ask', 'asks', 'asked', 'asking'),
  v('say', 'continue', 'continues', 'continued', 'continuing'),
  v('say', 'announce', 'announces', 'announced', 'announcing'),
  v('say', 'warn', 'warns', 'warned', 'warning'),
  v('say', 'caution', 'cautions', 'cautioned', 'cautioning'),
  v('say', 'insist', 'insists', 'insisted', 'insisting'),
  v('say', 'note', 'notes', 'noted', 'noting'),
  v('say', 'declare', 'declares', 'declared', 'declaring'),
  v('say', 'comment', 'comments', 'commented', 'commenting'),
  v('say', 'recall', 'recalls', 'recalled', 'recalling'),
  v('say', 'convey', 'conveys', 'conveyed', 'conveying'),
  v('say', 'emphasize', 'emphasizes', 'emphasized', 'emphasizing'),
  v('say', 'emphasise', 'emphasises', 'emphasised', 'emphasising'),
  v('say', 'acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'),
  v('say', 'confirm', 'confirms', 'confirmed', 'confirming'),
  v('say', 'urge', 'urges', 'urged', 'urging'),
  v('say', 'suggest', 'suggests', 'suggested', 'suggesting'),
  v('say', 'observe', 'observes', 'observed', 'observing'),
  v('say', 'evade', 'evades', 'evaded', 'evading'),
  v('say', 'react', 'reacts', 'reacted', 'reacting'),
  v('say', 'quote', 'quotes', 'quoted', 'quoting'),
  v('say', 'call', 'calls', 'called', 'calling'),
  v('allege', 'claim', 'claims', 'claimed', 'claiming'),
  v('allege', 'allege', 'alleges', 'alleged', 'alleging'),
  v('allege', 'accuse', 'accuses', 'accused', 'accusing'),
  v('allege', 'argue', 'argues', 'argued', 'arguing'),
  v('allege', 'charge', 'charges', 'charged', 'charging'),
  v('allege', 'complain', 'complains', 'complained', 'complaining'),
  v('allege', 'deny', 'denies', 'denied', 'denying'),
  v('report', 'report', 'reports', 'reported', 'reporting'),
  v('report', 'estimate', 'estimates', 'estimated', 'estimating'),
  v('report', 'count', 'counts', 'counted', 'counting'),
  v('believe', 'believe', 'believes', 'believed', 'believing'),
  v('believe', 'think', 'thinks', 'thought', 'thinking'),
];

/** Phrases that attribute like a verb. */
export const ATTRIBUTION_PHRASES: readonly string[] = ['according to'];

/**
 * Forms of the reporting verbs with the given lemmas (or roles), e.g.
 * `speechForms({ lemmas: ['say', 'tell'], forms: ['past', 's'] })` → said, says, told, tells.
 */
export function speechForms(opts: { lemmas?: readonly string[]; roles?: readonly SpeechRole[]; forms?: readonly VerbForm[] } = {}): string[] {
  const forms = opts.forms ?? (['base', 's', 'past', 'ing'] as const);
  const out: string[] = [];
  for (const verb of SPEECH_VERBS) {
    if (opts.lemmas && !opts.lemmas.includes(verb.lemma)) continue;
    if (opts.roles && !opts.roles.includes(verb.role)) continue;
    for (const f of forms) out.push(verb.forms[f]);
  }
  return [...new Set(out)];
}

/** The lemma of a reporting-verb form ("told" → "tell"), or null when the word is not one. */
export function speechLemma(word: string): string | null {
  const w = word.toLowerCase();
  for (const verb of SPEECH_VERBS) if (Object.values(verb.forms).includes(w)) return verb.lemma;
  return null;
}
