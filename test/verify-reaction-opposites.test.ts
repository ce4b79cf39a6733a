/**
 * A claim that someone welcomed a decision ("The union welcomed the ruling"), against articles that quote them as
 * disappointed by it or condemning it, was "not addressed" on real news: "welcomed" is a word no article used, and
 * nothing told the verifier that being disappointed by a move is the opposite reaction. Welcoming and being
 * disappointed by / criticizing / condemning one move are an opposite pair (lexicon ANTONYM_PAIRS), so a claim word
 * the articles never use is looked for as its opposite, as "small" is for "big". Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_lowland-herald.txt': `12 May 2033\n\nCourt backs port owners\n\nThe regional court ruled on Tuesday that the Brackwater port owners may close the old grain terminal.\n\nThe dockworkers' union said in a statement it was "deeply disappointed by the court's ruling" and would consider an appeal.\n`,
  '02_upland-daily.txt': `3 September 2033\n\nCouncil votes to sell Fennick library\n\nFennick town council voted 7 to 2 on Monday to sell the old library building.\n\nMayor Ilse Varga condemned the council's vote, calling it short-sighted.\n`,
  '03_upland-daily.txt': `5 September 2033\n\nLibrary sale draws protest\n\nAbout 200 residents gathered outside Fennick town hall on Wednesday to protest the library sale.\n`,
};

const deps = storyDeps(FILES);

describe('welcomed against disappointed by or condemned', () => {
  it('"welcomed the ruling" against "deeply disappointed by the ruling": contradicted', () => {
    const v = verify(deps(), "The dockworkers' union welcomed the court's ruling");
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/deeply disappointed/);
  }, 60_000);

  it('another story: "welcomed the vote" against "condemned the vote": contradicted', () => {
    const v = verify(deps(), "Mayor Ilse Varga welcomed the council's vote to sell the library");
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/condemned the council's vote/);
  }, 60_000);

  it('the same reaction is not contradicted', () => {
    const v = verify(deps(), "Mayor Ilse Varga condemned the council's vote");
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);
});
