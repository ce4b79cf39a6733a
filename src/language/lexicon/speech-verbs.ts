import { alternation } from './pattern.js';

/**
 * Reporting verbs: the words that attribute a statement to someone ("said",
 * "told", "alleged"). One table for every engine; `role` says what the verb does
 * to what follows, so a caller can ask for plain speech, allegations or reports.
 */

/**
 * What a reporting verb does: passes a statement on (say), alleges or disputes (allege,
 * deny), reports a figure or finding (report), states a belief (believe), or answers or
 * names something (react: only asked about, "How did X react?").
 */
export type SpeechRole = 'say' | 'allege' | 'deny' | 'report' | 'believe' | 'react';

/** Inflected forms a caller can ask for. */
export type VerbForm = 'base' | 's' | 'past' | 'ing';

/** A reporting verb with its forms: base, third person, past (and participle), -ing. */
export interface SpeechVerb {
  lemma: string;
  forms: Readonly<Record<VerbForm, string>>;
  role: SpeechRole;
  /** Stands before its speaker in reported speech ("…,” said Peskov): the name after it is who speaks, not an object. */
  inverts: boolean;
  /** Has a common sense that is not speech ("continue", "note", "recall", "charge"): it marks speech only in a frame. */
  ambiguous: boolean;
}

const AMBIGUOUS = new Set(['rule', 'ask', 'continue', 'note', 'recall', 'convey', 'confirm', 'urge', 'suggest', 'observe', 'charge', 'complain', 'report', 'estimate', 'count', 'believe', 'think', 'react', 'answer', 'quote', 'call']);

/** Past forms that regular inflection does not give. */
const IRREGULAR_PAST: Readonly<Record<string, string>> = { say: 'said', tell: 'told', write: 'wrote', think: 'thought' };

/**
 * The reporting verbs by role, in table order, as base forms; a trailing "*" marks a verb
 * that inverts ("…,” said Peskov). The other forms are inflected regularly.
 */
const BY_ROLE: readonly (readonly [SpeechRole, string])[] = [
  ['say', `say* tell add* reply* respond* write* tweet* explain* state* ask* continue* announce warn* caution insist* note* declare comment recall* convey
    emphasize emphasise acknowledge confirm urge suggest observe evade`],
  ['allege', 'claim allege accuse argue* charge complain'],
  ['deny', 'deny'],
  ['report', 'report estimate count'],
  ['believe', 'believe think'],
  ['say', 'rule'],
  ['react', 'react answer quote call'],
];

/** The forms of a regular verb ("reply" → replies, replied, replying; "state" → states, stated, stating). */
function inflect(base: string): Record<VerbForm, string> {
  const y = /[^aeiou]y$/.test(base);
  const e = base.endsWith('e');
  const s = y ? `${base.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const past = IRREGULAR_PAST[base] ?? (y ? `${base.slice(0, -1)}ied` : e ? `${base}d` : `${base}ed`);
  const ing = e && !/(?:ee|ye|oe)$/.test(base) ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return { base, s, past, ing };
}

export const SPEECH_VERBS: readonly SpeechVerb[] = BY_ROLE.flatMap(([role, verbs]) =>
  verbs.trim().split(/\s+/).map((w) => {
    const lemma = w.replace(/\*$/, '');
    return { lemma, forms: inflect(lemma), role, inverts: w.endsWith('*'), ambiguous: AMBIGUOUS.has(lemma) };
  }),
);

/** Phrases that attribute like a verb. */
export const ATTRIBUTION_PHRASES: readonly string[] = ['according to'];

/**
 * Forms of the reporting verbs with the given lemmas (or roles), e.g.
 * `speechForms({ lemmas: ['say', 'tell'], forms: ['past', 's'] })` → said, says, told, tells.
 */
export function speechForms(
  opts: { lemmas?: readonly string[]; roles?: readonly SpeechRole[]; forms?: readonly VerbForm[]; inverts?: boolean; ambiguous?: boolean } = {},
): string[] {
  const forms = opts.forms ?? (['base', 's', 'past', 'ing'] as const);
  const out: string[] = [];
  for (const verb of SPEECH_VERBS) {
    if (opts.lemmas && !opts.lemmas.includes(verb.lemma)) continue;
    if (opts.roles && !opts.roles.includes(verb.role)) continue;
    if (opts.inverts !== undefined && verb.inverts !== opts.inverts) continue;
    if (opts.ambiguous !== undefined && verb.ambiguous !== opts.ambiguous) continue;
    for (const f of forms) out.push(verb.forms[f]);
  }
  return [...new Set(out)];
}

/** The verbs a question asks about when it asks what someone said ("What did X say/tell/deny/call …?"). */
export const SPEECH_QUESTION_VERBS: readonly string[] = ['say', 'tell', 'quote', 'respond', 'reply', 'react', 'comment', 'claim', 'deny', 'warn', 'call'];

/**
 * Reporting verbs that, asked with "who" ("who said …", "who warned …", "who claimed …"), ask for the speaker of a
 * statement rather than for whoever did something: every reporting verb but those with a common sense that is no
 * speech ("who called the strike", "who asked for help", "who charged them").
 */
export const SPEAKER_QUESTION_VERBS: readonly string[] = SPEECH_VERBS.filter(
  (v) => !['ask', 'continue', 'call', 'quote', 'answer', 'react', 'rule', 'charge', 'count', 'recall', 'convey', 'observe', 'evade', 'note', 'report', 'estimate'].includes(v.lemma),
).map((v) => v.lemma);

/** The lemma of a reporting-verb form ("told" → "tell"), or null when the word is not one. */
export function speechLemma(word: string): string | null {
  const w = word.toLowerCase();
  for (const verb of SPEECH_VERBS) if (Object.values(verb.forms).includes(w)) return verb.lemma;
  return null;
}

/**
 * Words that pass on what someone says or alleges ("advocates said …", "X accused Y of …",
 * "according to …"): the plain saying verbs, the alleging verbs and "complaint".
 */
export const ALLEGATION_WORDS: readonly string[] = [
  ...speechForms({ lemmas: ['say', 'tell'], forms: ['base', 's', 'past'] }),
  ...speechForms({ roles: ['allege'], forms: ['base', 's', 'past'] }),
  ...ATTRIBUTION_PHRASES,
  'complaint',
  'complaints',
];

/** Words that accuse rather than merely report ("accused", "alleged", "claimed that"). */
export const ACCUSATION_WORDS: readonly string[] = [...speechForms({ lemmas: ['accuse', 'allege'] }), 'claimed that', 'charged that'];

/** Verbs that answer a question put before ("… asked whether …" / "she replied"). */
export const ANSWER_VERBS: readonly string[] = speechForms({ lemmas: ['say', 'reply', 'respond', 'answer'], forms: ['s', 'past'] });

/**
 * A sentence that reports speech: a saying, alleging, denying or reporting verb in the
 * third person or past ("said", "claims", "denied", "reports"), or "say", "state", "stating", "recalling".
 */
export const SPEECH_VERB_PATTERN: string = alternation([...speechForms({ roles: ['say', 'allege', 'deny', 'report'], forms: ['s', 'past'] }), 'say', 'state', 'stating', 'recalling']);
export const SPEECH_RE: RegExp = new RegExp(`\\b(?:${SPEECH_VERB_PATTERN})\\b`, 'i');

/** Whom a statement is made to, written right after the verb of saying ("told reporters Tuesday"); "the <noun>" too. */
export const STATEMENT_HEARERS: readonly string[] = ['reporters', 'lawmakers', 'journalists', 'him', 'her', 'them', 'us'];

/**
 * Where a statement was made, written between a verb of saying and the day it was said ("said in a statement Wednesday",
 * "told reporters at a news conference on Friday"): the day dates the saying.
 */
export const STATEMENT_SETTINGS: readonly string[] = ['statement', 'interview', 'release', 'post', 'letter', 'briefing', 'conference', 'hearing', 'meeting', 'email', 'video', 'speech', 'update', 'filing'];
