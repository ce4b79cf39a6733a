/**
 * A claim word the articles never write, but whose other forms they do, is read as those forms ("drove" as "driven",
 * "fell" as "falling"), not as the nearest spelling of another word ("drop", "fill"). Found on real news: "Winds from
 * Hurricane Dora … drove the Lahaina fire" was called contradicted, "drove" read as "drop" and a sentence saying
 * "without dropping any rain" taken for its negation. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FIRE: Record<string, string> = {
  '01_island-wire.txt': `12 June 2031\n\nFire races through Ostby\n\nAccording to Governor Ama Lind, the Ostby fire was driven by "gale-force winds in the region and a long drought." Storm Vela is passing by Corvo to the north, whipping the island with winds without dropping any rain.\n\nCrews expect temperatures to drop on Thursday.\n`,
  '02_corvo-post.txt': `13 June 2031\n\nOstby families wait\n\nFamilies from Ostby waited at the school gym on Wednesday.\n\nPrices of bottled water did not drop, shop owners said.\n\nThe drop in humidity worried fire crews.\n`,
};

const SHARES: Record<string, string> = {
  '01_market-desk.txt': `2 March 2031\n\nDunmore slides\n\nShares of Dunmore Mining were falling sharply on Monday after the Tarn pit flooded.\n\nBrokers rushed to fill orders on Tuesday.\n`,
  '02_city-ledger.txt': `3 March 2031\n\nWhat the flood means\n\nCrews will fill the Tarn pit with gravel.\n\nWorkers feel the pit is safe, their union said.\n`,
};

const fire = storyDeps(FIRE);
const shares = storyDeps(SHARES);
type V = { verdict?: string; blocks: { text: string }[] };

describe('verify reads a claim word by the forms of it the articles write', () => {
  it('"drove" is read as "driven", not as "drop": the claim is supported, not contradicted', async () => {
    const a = (await runCommand(fire(), { command: 'verify', text: 'Winds from Storm Vela, passing to the north of Corvo, drove the Ostby fire' })) as V;
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);

  it('"fell" is read as "falling", not as "fill"', async () => {
    const a = (await runCommand(shares(), { command: 'verify', text: 'Shares of Dunmore Mining fell sharply on Monday' })) as V;
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);
});
