/**
 * A description asked of a name and a verb alone ("what did crwd close at on friday") is told by the verb: a window
 * that holds the name but states neither the verb nor a related one tells something else the name did, and the
 * question is refused. Found on real news: "what did crwd close at on friday" was answered with a sentence saying an
 * airline had engaged a lawyer to pursue damages from CrowdStrike. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const MARKET: Record<string, string> = {
  '01_market-desk.txt': `3 March 2031\n\nGrocer faces lawsuit over spoiled stock\n\nA regional grocery chain has hired a law firm to seek damages from Orvel Foods Inc after a refrigeration fault spoiled a week of deliveries.\n\nOrvel Foods said it would review its cold-chain contracts.\n`,
  '02_farm-news.txt': `4 March 2031\n\nDairy farmers count losses\n\nDairy farmers in the valley said the spoiled deliveries cost them about $2 million.\n\nThe farmers' union asked the county for emergency grants.\n`,
};
const FERRY: Record<string, string> = {
  '01_island-post.txt': `9 October 2033\n\nFerry aground off Tarn Point\n\nThe ferry Marta Bell struck a sandbar off Tarn Point on Saturday evening with 140 passengers aboard.\n\nCoastguard crews reached the Marta Bell within an hour, and no one was hurt.\n`,
  '02_harbour-wire.txt': `10 October 2033\n\nHarbour reopens\n\nThe harbour master reopened the western channel on Sunday morning after divers inspected the sandbar.\n`,
};

const market = storyDeps(MARKET);
const ferry = storyDeps(FERRY);
const askIn = (deps: typeof market) => async (q: string) =>
  runCommand(deps(), { command: 'ask', text: q }) as Promise<{ answered: boolean; blocks: { text: string }[] }>;

describe('a description asked of a name and its verb needs that verb said of the name', () => {
  it('"what did X close at" is refused where X is named only beside other verbs', async () => {
    const a = await askIn(market)('what did orvel foods close at on monday');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('"what did X sell for" is refused where X is named only beside other verbs', async () => {
    const a = await askIn(ferry)('what did the marta bell sell for on saturday');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('a description whose verb is said of the name is still answered', async () => {
    const a = await askIn(ferry)('what did the marta bell strike');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('sandbar');
  }, 60_000);
});
