/**
 * A sentence's date expressions for the evidence readers (the date fillers, a stated date's support, a figure's date, the
 * date the timeline gives an answer's sentence):
 * `findDateMentions` of its text, read rather than parsed where the analysis holds them — the events' build found
 * every sentence's (src/analysis `dateMentionsIn`, persisted with the analysis file) — and parsed otherwise (a
 * sentence of no corpus article, or an analysis that never built or loaded its events).
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { findDateMentions, type DateMention } from '../index/dates.js';
import type { Sentence } from '../types.js';

/**
 * Read once per text for the windows a sentence sits in (up to three) and the questions that read it again: a date
 * question's fillers read each sentence of sixty windows, and a first parse (chrono, a verb parse for a future cue)
 * was a quarter of such a question's cost. A function of the text alone (a fixed reference date): the analysis's
 * list for a sentence of the same text is the same list. Bounded: cleared past 8,192 texts. The lists are shared:
 * readers must not change them.
 */
const memo = new Map<string, readonly DateMention[]>();

/** The date expressions of `s` (a sentence of `deps.corpus`, or any text with an id: then parsed). */
export function dateMentionsIn(deps: Pick<Deps, 'corpus'>, s: Sentence): readonly DateMention[] {
  let found = memo.get(s.text);
  if (!found) {
    if (memo.size >= 8_192) memo.clear();
    memo.set(s.text, (found = analysisOf(deps).dateMentionsIn(s) ?? findDateMentions(s.text)));
  }
  return found;
}
