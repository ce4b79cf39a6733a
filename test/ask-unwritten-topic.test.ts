/**
 * A topic noun no article writes, where the articles write a related word ("suits" for "the case", "cereal" for "the
 * wheat"), is answered only strongly (issue #12): a name or value fitting all but perfectly, in the sentence that holds
 * the related word, with every other name and noun asked and the question's verb stated there. Otherwise the refusal
 * still says the articles never mention the noun. Two stories written here, a court fight over a quarry and a farm's
 * harvest, each over two articles.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const QUARRY: Record<string, string> = {
  '01_hill-courier.txt': `3 May 2037\n\nNeighbours sue over quarry blasting\n\nResidents of Carrow Hill say blasting at the Stenfield quarry cracked their walls.\n\nThe quarry's owner denies any harm.\n`,
  '02_valley-times.txt': `20 May 2037\n\nQuarry dispute goes to court\n\nCircuit Judge Oriel Tamsin merged the four suits on Tuesday.\n\nA hearing is set for the autumn.\n`,
};
const FARM: Record<string, string> = {
  '01_plains-echo.txt': `8 October 2037\n\nDry summer on the Velling farm\n\nThe Velling farm lost a third of its crop to the drought.\n`,
  '02_county-ledger.txt': `15 October 2037\n\nA late harvest\n\nThe farm sold its cereal for $48,000 at the county market.\n\nPrices were lower than last year.\n`,
};

const quarry = storyDeps(QUARRY);
const farm = storyDeps(FARM);

describe('a topic noun the articles never write, held by a related word', () => {
  it('names the judge beside the suits for "the case" (quarry)', async () => {
    const a = await askIn(quarry(), 'which judge has the case');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/Oriel Tamsin/);
  }, 60_000);

  it('gives the amount beside the cereal for "the wheat" (farm)', async () => {
    const a = await askIn(farm(), 'how much did the farm sell its wheat for');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/\$48,000/);
  }, 60_000);

  it('still says the noun is never mentioned when nothing fits beside the related word', async () => {
    const a = await askIn(farm(), 'how many tractors did the farm sell its wheat with');
    expect(a.answered, answerText(a)).toBe(false);
    const b = await askIn(quarry(), 'which lawyer has the case');
    expect(b.answered, answerText(b)).toBe(false);
    expect(answerText(b)).toMatch(/never mention/);
  }, 60_000);
});
