/**
 * "how long does it take to get down to the wreck" (issue #12), found on real news (a lost submersible) and checked on
 * text written here: "get down" / "go down" is one predicate (lexicon PHRASAL_PREDICATES) found as "descend", "dive",
 * "sink" — so "a two-hour descent" states it. It was read as the light verb "get" and the particle "down", so no
 * window stated the event and the answer was another duration ("contact was lost about 90 minutes into the dive").
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-wire.txt': `Tuesday, 9 June 2026\n\nSearch for missing research sub widens\n\nBy Ana Ruiz\n\nThe research sub Petrel lost contact about 90 minutes into its dive on Sunday, the coast guard said.\n\nThe Halden wreck lies 300 miles off the coast, and visits to it involve a three-hour descent.\n`,
};

const deps = storyDeps(FILES);

describe('"get down" is one predicate', () => {
  it('is read as descending, not as "get" and "down"', () => {
    const q = parseQuestion(deps(), 'how long does it take to get down to the wreck');
    expect(q.predicates.map((p) => p.text.toLowerCase())).toEqual(['get down']);
  });

  it('a "three-hour descent" answers it, not another duration', async () => {
    const a = await ask(deps(), 'how long does it take to get down to the wreck');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text).toContain('three-hour');
    expect(a.short?.text).not.toContain('90 minutes');
  });
});
