/**
 * "Which ports got backed up?" (issue #12): names written right after the noun asked for and a cue of its members
 * ("major ports such as Singapore and Rotterdam", "airlines, including …") are that noun's list, and answer a "which
 * <plural>" question over a single name merely tied to the noun elsewhere ("the port of Suez"), which was the short
 * answer on real news. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_sea-wire.txt': `9 March 2036\n\nFreighter aground\n\nAccording to a Brine News report, the Tallis Star, built in 2019, ran aground while attempting to turn just north of the port of Kelby.\n\nTugs were sent from the south.\n`,
  '02_trade-desk.txt': `12 March 2036\n\nBacklog grows\n\nLogjams are expected to continue for weeks at major ports such as Varna and Ostra because of disruptions to schedules, according to a shipping data firm.\n\nFreight rates rose on Monday.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null };

describe('a list written after its noun and "such as"', () => {
  it('answers "which ports"', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'which ports got backed up afterwards' })) as A;
    expect(a.short?.text ?? '', answerText(a as never)).toMatch(/^Varna and Ostra \[\d+\]$/);
  }, 60_000);
});
