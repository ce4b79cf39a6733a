/**
 * Hedges: how a writer passes on a claim without vouching for it ("reportedly",
 * "according to sources familiar with …"), and how a speaker avoids committing to
 * it ("may", "it is unclear"). Patterns, because hedges are phrases with slots.
 */

/** Reporting hedges: the writer passes on a claim without vouching for it. */
export const REPORTED_HEDGES: readonly RegExp[] = [
  /\b(?:reportedly|allegedly|purportedly|supposedly|apparently|ostensibly)\b/i,
  /\balleged\b/i,
  /\b(?:is|are|was|were|has been|have been) (?:said|reported|believed|thought|understood|rumou?red) to\b/i,
  /\baccording to (?:[\w.’'-]+ ){0,6}?(?:documents?|sources?|reports?|people familiar|officials? familiar|a person|persons?|an? (?:official|insider))\b[^,.;]{0,60}/i,
  /\b(?:documents?|records?|files?) (?:obtained|seen|reviewed) by [^,.;]{2,60}/i,
  /\b(?:an? |two |three |several )?(?:sources?|people|persons?|officials?|insiders?) (?:familiar|close|with knowledge|briefed) (?:with|to|of|on) [^,.;]{2,40}/i,
  /\b(?:anonymous|unnamed) (?:sources?|officials?|people)\b/i,
  /\bhas learned\b|\bhave learned\b/i,
  /\breports? (?:suggest|suggests|indicate|indicates|say|says|claim|claims)\b/i,
  /\bif (?:the )?[\w. ]{2,40} is to be believed\b/i,
  /\bunconfirmed\b|\bunverified\b|\bcould not be (?:independently )?(?:verified|confirmed)\b/i,
];

/** Uncertainty: the speaker or writer does not commit to the statement. */
export const UNCERTAIN_HEDGES: readonly RegExp[] = [
  /\bI (?:doubt|think|believe|guess|suppose)\b|\b(?:don['’]t|do not|does not|doesn['’]t) (?:think|believe)\b|\b(?:doubts|doubted)\b/i,
  // "could not handle" says what was beyond someone, a negation, not a possibility ("could not be verified" is above).
  /\b(?:may|might|could(?! not\b)) (?:have |be |soon )?\w+/i,
  /\b(?:possibly|potentially|perhaps|probably|likely|unlikely|presumably)\b/i,
  /\b(?:appears?|seems?) to\b|\bexpected to\b/i,
  /\bspeculation\b|\bhints?\b|\bhinted\b/i,
  /\b(?:is|are|was|were|remains?) (?:not (?:yet )?(?:known|clear|certain)|unclear|uncertain|unknown)\b/i,
];

/** A negated belief or a doubt ("I doubt it", "does not believe …"): said of a claim, evidence against it. */
export const DISBELIEF: RegExp =
  /\b(?:I doubt(?: it| that)?|doubts? (?:that|whether|it)|doubted|(?:don['’]t|do not|does not|doesn['’]t|did not|didn['’]t) (?:think|believe)|not (?:think|believe))\b/i;
