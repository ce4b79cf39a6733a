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
