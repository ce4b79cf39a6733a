/**
 * A bare number that is the value of a figure noun counts what the noun names: "The death toll has climbed to 1,940"
 * counts deaths, "the number of dead stands at 37" the dead (readFigures, shared by every command). A count of the dead
 * answers "how many died" and "what's the death toll", and not "how many were injured"; a count written with a participle
 * of another act right after its noun ("with 2,210 people injured") answers no question about the dead. Two stories
 * written here, an earthquake and a flood.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { digest } from '../src/engines/digest.js';
import type { Answer } from '../src/types.js';
import { makeDeps, removeDir, tempDir, writeArticle } from './digest-fixtures.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const QUAKE: Record<string, string> = {
  '01_valley-wire.txt': `21 March 2037\n\nQuake toll rises in the Seren valley\n\nSEREN — The death toll has climbed to 1,940 with 2,210 people injured, the interior ministry said on Monday. Rescuers were still searching the villages above the river.\n\nThe government said about 90,000 people were affected by the earthquake.\n`,
};
const FLOOD: Record<string, string> = {
  '01_delta-news.txt': `9 August 2038\n\nLomar flood: waters recede\n\nThe number of dead stands at 37, with 412 residents evacuated from the low streets of Lomar, the mayor said on Thursday.\n\nEngineers will inspect the levee next week.\n`,
};
const quake = storyDeps(QUAKE);
const flood = storyDeps(FLOOD);

describe('the value of a figure noun (readFigures)', () => {
  it('counts what the noun before it or after "of" names', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind, f.head]);
    expect(read('The death toll has climbed to 1,940 with 2,210 people injured.')).toEqual([
      ['1,940', 'count', 'death'],
      ['2,210', 'count', 'people'],
    ]);
    expect(read('Quake death toll rises to 820')).toEqual([['820', 'count', 'death']]);
    expect(read('The confirmed number of dead stands at 64.')).toEqual([['64', 'count', 'dead']]);
    expect(read('The official vote tally is now at roughly 5,200.')).toEqual([['roughly 5,200', 'count', 'vote']]);
  });

  it('leaves a change ("by"), a figure noun naming nothing, and a noun that is no subject as they were', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind]);
    expect(read('The number of flights has fallen by 300.')).toEqual([['300', 'number']]);
    expect(read('The toll rose to 61.')).toEqual([['61', 'number']]);
    expect(read('Officials put the death toll at 75 on Friday.')).toEqual([['75', 'number']]);
  });
});

describe('a count of the dead answers questions about the dead, not the injured', () => {
  it('the quake: the death toll, and how many died, are 1,940; how many were injured, 2,210', async () => {
    const toll = await askIn(quake(), "what's the death toll");
    expect(toll.short?.text ?? '', answerText(toll)).toMatch(/^1,940 \[\d+\]$/);
    const died = await askIn(quake(), 'how many people died in the quake?');
    expect(died.short?.text ?? '', answerText(died)).toMatch(/^1,940 \[\d+\]$/);
    const hurt = await askIn(quake(), 'how many were injured');
    expect(hurt.short?.text ?? '', answerText(hurt)).toMatch(/^2,210 people \[\d+\]$/);
  }, 60_000);

  it('the flood: how many died is 37; how many residents were evacuated, 412', async () => {
    const died = await askIn(flood(), 'how many people died in the flood');
    expect(died.short?.text ?? '', answerText(died)).toMatch(/^37 \[\d+\]$/);
    const moved = await askIn(flood(), 'how many residents were evacuated');
    expect(moved.short?.text ?? '', answerText(moved)).toMatch(/^412 residents \[\d+\]$/);
  }, 60_000);
});

describe('the digest reads a death toll as people killed, one fact with /ask', () => {
  const DAYS = ['2039-05-02', '2039-05-04'];
  let dir: string;
  let a: Answer;
  beforeAll(async () => {
    dir = tempDir();
    writeArticle(dir, 'r1.md', `---\ntitle: Landslide buries Tavri road\noutlet: Hill Courier\ndate: ${DAYS[0]}\n---\nThe death toll has risen to four, the district office said.\n\nVolunteers handed out blankets through the night.\n`, new Date(`${DAYS[0]}T12:00:00Z`));
    writeArticle(dir, 'r2.md', `---\ntitle: Tavri landslide search goes on\noutlet: Valley Post\ndate: ${DAYS[1]}\n---\nThe death toll is now at 36, the district office said.\n\nEngineers inspected the road above the village.\n`, new Date(`${DAYS[1]}T12:00:00Z`));
    a = await digest(await makeDeps(dir), { chartDir: null });
  });
  afterAll(() => removeDir(dir));

  it('lists both tolls on the people-killed line, and no dispute between them', () => {
    const key = a.sections!.find((s) => s.heading.startsWith('Key figures'))!.text;
    const line = key.split('\n').find((l) => l.includes('People killed')) ?? '';
    expect(line, key).toMatch(/four dead \(2 May 2039[^)]*\).*36 dead/);
    expect(JSON.stringify(a.sections)).not.toMatch(/“four” vs “36”/);
  });
});
