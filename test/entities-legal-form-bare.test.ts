/**
 * A company named once with its legal form and an acronym ("Portland Western Corporation (PWC)") is the company the other
 * articles name without it ("Portland Western"): the bare name joins it, though its first word is a city's and its own
 * votes say place. Found on real news, where "did <railroad> admit fault" was refused: the article that answers calls the
 * company only by its full name and its acronym. Stories written here: a railway settlement, a food recall.
 */
import { describe, expect, it } from 'vitest';
import { analysisOf } from '../src/analysis/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const RAIL: Record<string, string> = {
  '01_valley-news.txt': `3 March 2036\n\nTanker cars derail near Ashby\n\nA Portland Western freight train left the tracks outside Ashby on Friday night.\n\nPortland Western crews worked through the weekend to clear the line.\n\nResidents said Portland Western had not warned them.\n`,
  '02_court-wire.txt': `9 April 2036\n\nSettlement reached\n\nPortland Western Corporation (PWC) announced on Tuesday a settlement of $40 million with Ashby residents.\n\nThe money will be shared among 900 households. Claims open in June. A judge must still approve the deal.\n\nLawyers for the town welcomed the news. They had asked for more.\n\nPWC said the agreement does not include any admission of fault.\n`,
};
const RECALL: Record<string, string> = {
  '01_farm-post.txt': `12 May 2036\n\nSoup recall widens\n\nHalden Bay Foods pulled its tomato soup from shops on Monday.\n\nShoppers were told to return the tins to Halden Bay Foods outlets.\n`,
  '02_trade-wire.txt': `14 May 2036\n\nRecall cost\n\nHalden Bay Foods Ltd (HBF) put the cost of the recall at 3 million pounds.\n\nShops in four counties took the tins off their shelves. No one fell ill. Inspectors visited on Tuesday.\n\nThe soup will return in July. Prices will not change.\n\nHBF blamed a faulty sealing machine at its Corran plant.\n`,
};
const rail = storyDeps(RAIL);
const recall = storyDeps(RECALL);

describe('a company with its legal form is the company named without it', () => {
  it('"Portland Western" and "Portland Western Corporation (PWC)" are one entity', () => {
    const ents = analysisOf(rail()).entities.entities.filter((e) => /Portland Western/.test(e.name));
    expect(ents.map((e) => e.name)).toHaveLength(1);
  });

  it('"Halden Bay Foods" and "Halden Bay Foods Ltd (HBF)" are one entity', () => {
    const ents = analysisOf(recall()).entities.entities.filter((e) => /Halden Bay/.test(e.name));
    expect(ents.map((e) => e.name)).toHaveLength(1);
  });

  it('did portland western admit fault — answered from the PWC sentence', async () => {
    const a = await askIn(rail(), 'did portland western admit fault');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/does not include any admission of fault/);
  }, 60_000);

  it('did halden bay foods blame a machine — answered from the HBF sentence', async () => {
    const a = await askIn(recall(), 'did halden bay foods blame a machine');
    expect(answerText(a)).toMatch(/faulty sealing machine/);
  }, 60_000);
});
