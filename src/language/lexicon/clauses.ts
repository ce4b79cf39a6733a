/**
 * How a claim's clauses are joined, beyond "and", "but" and ";". General English, never a story's words.
 */

/**
 * "-ing" forms that work as prepositions or frame words, never as a participle clause of their own
 * ("… including two tugs", "according to …", "following the ruling").
 */
export const PREPOSITION_PARTICIPLES: ReadonlySet<string> = new Set(
  'according including excluding following regarding concerning considering during pending notwithstanding being having saying adding'.split(' '),
);

/**
 * Quantifiers that stand as a clause's subject, alone or before "of" ("… and all of them were repaired", "… but most
 * were rescued", "… and none of the crew was hurt"): after "and" or "but" they open a new clause.
 */
export const SUBJECT_QUANTIFIERS: ReadonlySet<string> = new Set(
  'all most some none many few each both several half either neither one dozens hundreds thousands millions scores'.split(' '),
);

/**
 * Verbs that ask for an act someone else is to do ("asking him to testify", "urged the ship to leave"): the act after
 * their "to" has not happened, like a plan's ("plans to reopen", tense.ts PROSPECTIVE_VERBS).
 */
export const REQUEST_VERBS: ReadonlySet<string> = new Set(
  'ask urge invite demand order call press want tell push encourage request summon instruct direct require compel'.split(' '),
);

/**
 * Words that open a relative clause on the noun before them ("the slump which the airline suffered", "the crew who
 * stayed"): what that clause says is said of the noun, not by the sentence's own verb. "that" only after a noun, never
 * after a verb ("said that …").
 */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set('which who whom whose that'.split(' '));

/**
 * The preposition that makes a past participle after a noun a clause on that noun ("the sell-off endured by the
 * airline", "the damage caused by the storm"), not the sentence's verb.
 */
export const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by']);

/**
 * Words that open a clause of time, cause or condition ("when the quake hit", "after the ship sank", "because the crew
 * left"): a noun phrase after them may be that clause's subject, and the word after it the clause's own verb.
 */
export const SUBORDINATORS: ReadonlySet<string> = new Set(
  'when whenever after before while until till since once because if unless though although whereas as where'.split(' '),
);

/**
 * Prepositions that tie a name to the noun before it as where it comes from or whose it is ("doctors from Tolsk",
 * "residents of Pellin"): in a claim's subject, such a name says which of the things the subject is, not where it happened.
 */
export const QUALIFYING_PREPOSITIONS: ReadonlySet<string> = new Set(['from', 'of']);
