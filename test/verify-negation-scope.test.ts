/**
 * A word a sentence says plainly is not negated by a negation elsewhere in it: "The minister's Monday visit came after
 * residents lambasted the mayor for not yet visiting" says the visit; "searched the north bank …, and … had not searched
 * the south bank" says the search. Found on real news, where /verify called a claim the timeline states "contradicted"
 * (the dev consistency test on eastpalestine). Stories written here: a flood, a search.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { negatedOnlyTerms } from '../src/engines/claims.js';
import { answerText, storyDeps } from './helpers/story.js';

const FLOOD = storyDeps({
  '01_river-news.txt': `4 April 2041\n\nMinister tours flooded town\n\nThe minister’s Monday visit came after residents lambasted the mayor for not yet visiting the flooded streets.\n\nThe river fell overnight.\n`,
});
const SEARCH = storyDeps({
  '01_lake-post.txt': `9 May 2041\n\nSearch for missing kayaker\n\nRescuers searched the north bank on Tuesday, and police said divers had not searched the south bank.\n\nThe kayaker was found safe on Wednesday.\n`,
});
const verify = async (deps: ReturnType<typeof FLOOD>, claim: string) => runCommand(deps, { command: 'verify', text: claim });

describe('a negation reaches only what it negates', () => {
  it('a word written plainly and negated is not negated', () => {
    expect([...negatedOnlyTerms('their Monday visit came after critics lambasted the mayor for not yet visiting')]).not.toContain('visit');
    expect([...negatedOnlyTerms('the mayor has not yet visited the streets')]).toContain('visit');
  });

  it('says the visit (flood)', async () => {
    const a = await verify(FLOOD(), "The minister's visit came after residents lambasted the mayor");
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);

  it('says the search (search)', async () => {
    const a = await verify(SEARCH(), 'Rescuers searched the north bank on Tuesday');
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);

  it('still contradicts a claim the sentence only negates (search)', async () => {
    const a = await verify(SEARCH(), 'Divers searched the south bank');
    expect(a.verdict, answerText(a)).not.toBe('supported');
  }, 60_000);
});
