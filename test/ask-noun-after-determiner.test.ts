/**
 * A word right after a word that only opens a noun phrase ("the", "no", "its" …, past adjectives), or after a quantifier
 * that may also stand alone ("any", "some", "several", "other" …) where the word has a plural's ending, is that
 * phrase's noun, never the verb (lexicon NOUN_PHRASE_OPENERS, QUANTIFIER_OPENERS): the tagger read
 * "boats" in "did any other boats help" as a verb and the question asked whether "any other" had "boated". The verb is
 * the word after the noun. Found on real news (a harbour rescue); checked on two stories written here: a winter storm
 * that shut shops and a flood that closed schools.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const STORM: Record<string, string> = {
  '01_valley-post.txt': `3 February 2033\n\nIce storm shuts Velmar high street\n\nAn ice storm left the town of Velmar without power on Tuesday.\n\nAbout thirty stores closed for the day, the chamber of commerce said, and the market hall stayed shut until Thursday.\n`,
};
const FLOOD: Record<string, string> = {
  '01_river-news.txt': `18 October 2034\n\nOstra river bursts its banks\n\nThe river Ostra flooded the lower town on Sunday night.\n\nFour schools closed early on Monday as water reached the playgrounds, the district said.\n`,
};

const storm = storyDeps(STORM);
const flood = storyDeps(FLOOD);
const words = (list: { text: string }[]) => list.map((t) => t.text.toLowerCase());

describe('the word after a noun-phrase opener is a noun', () => {
  it('"did any stores close": "stores" is the subject, "close" the verb', async () => {
    const q = parseQuestion(storm(), 'did any stores close?');
    expect(words(q.topics)).toContain('stores');
    expect(words(q.predicates)).toContain('close');
    expect(words(q.predicates)).not.toContain('stores');
    const a = await askIn(storm(), 'did any stores close?');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('About thirty stores closed for the day');
  }, 60_000);

  it('"did some schools close on monday": "schools" is the subject, "close" the verb', async () => {
    const q = parseQuestion(flood(), 'did some schools close on monday?');
    expect(words(q.topics)).toContain('schools');
    expect(words(q.predicates)).toContain('close');
    expect(words(q.predicates)).not.toContain('schools');
    const a = await askIn(flood(), 'did some schools close on monday?');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('Four schools closed early on Monday');
  }, 60_000);

  it('past an adjective ("any other schools") the noun is still the subject', () => {
    const q = parseQuestion(flood(), 'did any other schools flood?');
    expect(words(q.topics)).toContain('schools');
    expect(words(q.predicates)).toContain('flood');
  });
});
