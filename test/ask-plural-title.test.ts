/**
 * "Ohio Senators Sherrod Brown and J.D. Vance": a title in the plural after the words that say whose it is heads a list
 * of names (src/index/entities.ts), as a singular one does ("Senator Tom Carper"); and a name the question writes before
 * its noun ("which texas senators") narrows it — names whose title writes it are the answer, one titled without it
 * ("Senator Ruth Moss from Maine") is not. Stories written here: a Senate hearing, a dam tour.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const HEARING: Record<string, string> = {
  '01_capitol-wire.txt': `9 March 2034\n\nSenate hears from Gorse Chemical chief\n\nCommittee Chairman, Senator Ruth Moss from Maine, opened the hearing on the Gorse Chemical spill in Texas.\n\nTexas Senators Ana Ruiz and Paul Grant were also in attendance.\n\nRuiz said the company had ignored warnings.\n`,
};
const DAM: Record<string, string> = {
  '01_river-post.txt': `14 July 2035\n\nLawmakers tour Kettle Dam\n\nRepresentative Lee Park from Idaho praised the repairs at the Kettle Dam in Oregon.\n\nOregon Representatives Kim Shaw and Dan Ortiz also toured the dam on Friday.\n`,
};

const hearing = storyDeps(HEARING);
const dam = storyDeps(DAM);

describe('a plural title before names, and the name that narrows the noun asked', () => {
  it('answers "which texas senators attended" with both', async () => {
    const a = await ask(hearing(), 'which texas senators showed up');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/Ana Ruiz/);
    expect(a.short?.text, answerText(a)).toMatch(/Paul Grant/);
    expect(a.short?.text, answerText(a)).not.toMatch(/Moss/);
  }, 60_000);

  it('answers "which oregon representatives toured the dam" with both', async () => {
    const a = await ask(dam(), 'which oregon representatives toured the dam');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/Kim Shaw/);
    expect(a.short?.text, answerText(a)).toMatch(/Dan Ortiz/);
    expect(a.short?.text, answerText(a)).not.toMatch(/Lee Park/);
  }, 60_000);
});
