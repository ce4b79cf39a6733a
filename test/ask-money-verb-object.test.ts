/**
 * "How much cargo was held up per day?" (issue #12): a report writes the sum as the object of the question's own verb
 * ("has held up $2 billion in exports each week") and calls the thing by another word. The sum is the worth of what the
 * verb was done to, so it answers — only where the thing asked is the verb's object: "how much did the strike cost" asks
 * about the strike as the one that costs, and a ticket's price (the same verb, another subject) is no answer.
 * The thing asked is written in the story, only not beside the sum. Two stories written here, one from a port, one from a cathedral appeal.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const PORT: Record<string, string> = {
  '01_quay-herald.txt': `9 May 2036\n\nDockers' strike enters second week at Penmore\n\nThe strike at Penmore docks has held up $2 billion in exports each week, the port authority said.\n\nCargo has piled up on the quays since the walkout began.\n\nA ferry ticket to the islands cost $35 during the stoppage, up from $20.\n`,
};
const APPEAL: Record<string, string> = {
  '01_valley-post.txt': `2 June 2036\n\nDonors rally for Saint Aldric's\n\nDonors have pledged an estimated $310 million to rebuild the cathedral's roof, the diocese said on Friday.\n\nThe appeal opened on Tuesday, two days after the fire.\n\nAid from abroad has also arrived, the diocese said.\n`,
};

const port = storyDeps(PORT);
const appeal = storyDeps(APPEAL);

describe('how much <thing> was <verb>ed: a sum written as the verb’s object', () => {
  it('answers with the sum the verb took, the thing called otherwise (port)', async () => {
    const a = await askIn(port(), 'how much cargo was held up per week');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^\$2 billion \[\d+\]$/);
  }, 60_000);

  it('answers with the sum the verb took, past a qualifier (appeal)', async () => {
    const a = await askIn(appeal(), 'how much aid was pledged');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/\$310 million \[\d+\]$/);
  }, 60_000);

  it('does not answer when the thing asked is the subject of the verb, not its object', async () => {
    const a = await askIn(port(), 'how much did the strike cost');
    expect(answerText(a)).not.toMatch(/\$35|\$20/);
  }, 60_000);

  it('does not answer with a sum after another verb', async () => {
    const a = await askIn(appeal(), 'how much aid was promised');
    expect(answerText(a)).not.toMatch(/\$310/);
  }, 60_000);
});
