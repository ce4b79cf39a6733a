/**
 * "How many cars were on the train in total?": a question that counts the whole ("in total", "altogether", "overall")
 * is not answered by a count of a part — one whose noun a word the question does not ask narrows ("six flooded
 * carriages"), one written as a part ("five of those carriages", "including 12 sleeper carriages"), or one that is the
 * subject of a verb of its own when the question asks none ("about 40 stalls, some selling fish, burned"). /ask refuses
 * rather than give the part as the whole. A count of the whole, or the same question asked without the cue, still
 * answers. Two stories written here: a flooded night train and a market fire.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const TRAIN: Record<string, string> = {
  '01_valley-post.txt': `9 March 2038\n\nNight train caught in flood near Orlen\n\nA night train was caught by floodwater near Orlen on Monday.\n\nRescuers pulled passengers from six flooded carriages before dawn.\n\nFive of those carriages were later towed to the depot at Brisk.\n`,
  '02_rail-desk.txt': `10 March 2038\n\nOrlen line to stay shut\n\nThe Orlen line will stay shut until Friday, the operator said.\n\nEngineers checked the flooded carriages on Tuesday.\n`,
};
const MARKET: Record<string, string> = {
  '01_city-herald.txt': `2 July 2038\n\nFire sweeps Dalby market\n\nA fire swept through the Dalby street market on Saturday night.\n\nAbout 40 stalls, some selling fish, burned before crews arrived.\n\nTraders said they would rebuild.\n`,
  '02_market-news.txt': `4 July 2038\n\nDalby market counts the cost\n\nThe Dalby market will reopen in August, its manager said.\n\nThe manager said most traders had insurance.\n`,
};
const train = storyDeps(TRAIN);
const market = storyDeps(MARKET);

describe('a count of a part does not answer a count of the whole', () => {
  it('"six flooded carriages" and "five of those carriages" are no count of all the carriages (train)', async () => {
    const a = await askIn(train(), 'how many carriages were on the train in total');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('without "in total" the flooded carriages still answer (train)', async () => {
    const a = await askIn(train(), 'how many carriages flooded');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/six flooded carriages/);
  }, 60_000);

  it('"about 40 stalls, some selling fish, burned" counts the stalls that burned, not all the market had (market)', async () => {
    const a = await askIn(market(), 'how many stalls did the market have altogether');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('asked of the stalls that burned, the same count answers (market)', async () => {
    const a = await askIn(market(), 'how many stalls burned');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/About 40 stalls/);
  }, 60_000);
});
