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
 * Verbs that ask for an act someone else is to do ("asking him to testify", "urged the ship to leave"): the act after
 * their "to" has not happened, like a plan's ("plans to reopen", tense.ts PROSPECTIVE_VERBS).
 */
export const REQUEST_VERBS: ReadonlySet<string> = new Set(
  'ask urge invite demand order call press want tell push encourage request summon instruct direct require compel'.split(' '),
);
