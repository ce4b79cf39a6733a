/**
 * A measure of the thing a story is about (issue #12): in a story of a stranded barge, "barge" is written in
 * most passages — it tells none apart, and the sentence giving its weight calls it "the vessel". The noun ranks
 * there and does not veto, and the windows that state a weight are found by the words that state one ("weighs",
 * "tonnes"). What is weighed must be the thing asked: "containers of fuel weighing 35 tonnes" weighs the fuel,
 * so without the vessel's own weight the question is refused, not answered with the fuel's. Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FILLER = [
  'The barge Kestrel Dawn drifted onto the sandbank at Morrow Flats during the storm.',
  'Harbour officials said the crew of the barge had been taken ashore by lifeboat.',
  'Salvage teams plan to refloat the barge at the next spring tide.',
  'Residents gathered on the sea wall to watch the stranded barge.',
  'The owner of the barge, Tallis Marine, apologised to the town.',
  'Fishermen said the channel beside the barge was still open.',
  'Inspectors boarded the barge on Thursday to check its hull.',
  'The council said the beach near the barge would stay closed.',
];

function story(extra: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (let a = 0; a < 3; a++) {
    const paras = [...FILLER.map((p, i) => (i % 2 === a % 2 ? p : p.replace(/the (stranded )?barge/, 'the harbour'))), ...(a === 2 ? extra : [])];
    files[`0${a + 1}_morrow-post.txt`] = `${10 + a} June 2031\n\nBarge aground at Morrow Flats, day ${a + 1}\n\nBy Ada Venn\n\n${paras.join('\n\n')}\n`;
  }
  return files;
}

const WITH = story([
  'Workers unloaded containers of fuel weighing 35 tonnes on Friday.',
  'Built in 1998, the vessel weighs 4,800 tonnes and carries a crane on its deck.',
]);
const WITHOUT = story(['Workers unloaded containers of fuel weighing 35 tonnes on Friday.']);

let withWeight: Deps;
let withoutWeight: Deps;
beforeAll(async () => {
  withWeight = await testDeps(writeCorpus(WITH));
  withoutWeight = await testDeps(writeCorpus(WITHOUT));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('a measure of what the story is about', () => {
  it('is answered from "the vessel weighs …", though that sentence never says "barge"', async () => {
    expect(withWeight.index.size).toBeGreaterThanOrEqual(20);
    const a = await ask(withWeight, 'how heavy is the barge?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    expect(a.short?.text).toMatch(/^4,800 tonnes \[\d+\]$/);
    const cited = a.citations.find((c) => a.short!.text.endsWith(`[${c.n}]`))!;
    expect(cited.quote).toContain('the vessel weighs 4,800 tonnes');
    expect(isVerbatim(WITH[cited.source]!, cited.quote)).toBe(true);
    expect(a.short?.text).not.toContain('35');
  }, 60_000);

  it('is refused when the only weight is of something else ("fuel weighing 35 tonnes")', async () => {
    const a = await ask(withoutWeight, 'how heavy is the barge?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(false);
    expect(a.blocks.map((b) => b.text).join('\n')).toMatch(/no weight/);
  }, 60_000);

  it('a yes/no question about the story’s subject still needs what it asks', async () => {
    const a = await ask(withWeight, 'is the barge going to be scrapped?');
    expect(a.answered).toBe(false);
  }, 60_000);
});
