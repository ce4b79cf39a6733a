/**
 * Where a question's grammar leaves room only for a noun, a word the tagger took for a verb is that noun: the word right
 * after an inverted "do" when a verb follows ("how far down the river did fish die"), the last word of a fronted "be"'s
 * subject before a determiner ("was the evening fire a new one"). Not the word an inverted "do" still waits for ("did
 * any of the miners die"), nor the word after a clause opener ("when the dam burst"). A clause of nothing but "it" and a
 * verb ("where was the mayor when it hit") names the story's own event: its verb asks nothing, so the question is
 * answered where the mayor was. A share before "of" ("the rest of the valley", lexicon PARTITIVE_NOUNS) is no topic: the
 * noun after "of" is. Stories written here: a dam that burst, a mine that flooded.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const DAM: Record<string, string> = {
  '01_vale-courier.txt': `12 May 2037\n\nOrrin dam bursts above Tessaly\n\nThe Orrin dam burst early on Saturday, sending water through the lower streets of Tessaly.\n\nMayor Petra Lund was on a trade visit to Lisbon at the time and flew back on Sunday, her office said.\n\nA council hearing on the dam's upkeep was chaired by councillor Aldo Brenn on Tuesday. Engineers said a worn bearing in the sluice gate had failed, and fish died along a stretch of the river below it.\n\nAll of the valley except the flooded quarter will reopen to visitors on 2 June, the council said.\n`,
};
const MINE: Record<string, string> = {
  '01_ridge-herald.txt': `3 November 2038\n\nWater floods Calder pit\n\nWater flooded the lower shafts of the Calder pit on Thursday night; all 40 miners on shift climbed out.\n\nThe pit's owner, Marcus Feld, was at a mining fair in Denver at the time and returned on Friday.\n\nAn evening fire broke out in the pump house on Friday, a rekindling of a smaller blaze from the morning, the fire service said.\n\nAll of the pit except the lower shafts will reopen on 10 November, Feld said.\n`,
};
const dam = storyDeps(DAM);
const mine = storyDeps(MINE);
const words = (list: { text: string }[]) => list.map((t) => t.text.toLowerCase());

describe('a noun where the grammar leaves room for nothing else', () => {
  it('the subject after an inverted "do", before its verb: "how far down the river did fish die" (dam)', () => {
    const q = parseQuestion(dam(), 'how far down the river did fish die');
    expect(words(q.topics)).toContain('fish');
    expect(words(q.predicates)).toEqual(['die']);
  });
  it('the subject of a fronted "be", before a determiner: "was the evening fire a new one" (mine)', () => {
    const q = parseQuestion(mine(), 'was the evening fire a new one');
    expect(words(q.topics)).toContain('fire');
    expect(words(q.predicates)).not.toContain('fire');
  });
  it('not the verb an inverted "do" waits for, nor a clause\'s own verb (mine, dam)', () => {
    expect(words(parseQuestion(mine(), 'did any of the miners die in the pit').predicates)).toContain('die');
    expect(words(parseQuestion(dam(), 'where was the mayor when the dam burst').topics)).not.toContain('burst');
  });
});

describe('a clause of "it" and a verb names the story\'s event', () => {
  it('"where was the mayor when it hit" is Lisbon (dam)', async () => {
    const q = parseQuestion(dam(), 'where was the mayor when it hit');
    expect(words(q.predicates)).not.toContain('hit');
    const a = await askIn(dam(), 'where was the mayor when it hit');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Lisbon/);
  }, 60_000);
  it('"where was the owner when it struck" is Denver (mine)', async () => {
    const a = await askIn(mine(), 'where was the owner when it struck');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Denver/);
  }, 60_000);
  it('a clause with an act of its own keeps its verb: "before they pulled it" (mine)', () => {
    const q = parseQuestion(mine(), 'how long was the pump out before they pulled it');
    expect(words(q.predicates)).toContain('pulled');
  });
});

describe('a share of what follows "of" is no topic', () => {
  it('"when does the rest of the valley reopen to visitors" is 2 June (dam)', async () => {
    expect(words(parseQuestion(dam(), 'when does the rest of the valley reopen to visitors').topics)).not.toContain('rest');
    const a = await askIn(dam(), 'when does the rest of the valley reopen to visitors');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/2 June/);
  }, 60_000);
  it('"when does the remainder of the pit reopen" is 10 November (mine)', async () => {
    const a = await askIn(mine(), 'when does the remainder of the pit reopen');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/10 November/);
  }, 60_000);
});
