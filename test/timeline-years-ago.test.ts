/**
 * A year counted back ("he had planted 20 years ago") is background on /timeline, as a year written out before the
 * story is ("in 2012"): the sentence's own event (the search, this month) did not happen then, and the digest and the
 * date consistency checks take the timeline's dated events as the story's. Found on real news (a teacher who "spotted
 * something amid the trees he'd planted 20 years ago" was listed as the story's event of 2004). Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { storyDeps } from './helpers/story.js';
import type { TimelineEvent } from '../src/types.js';

const FILES: Record<string, string> = {
  '01_coast-herald.txt': `14 March 2032\n\nLost buoy found in an orchard\n\nDuring his morning walk on Sunday, Ari Venn found the missing buoy among the pear trees he had planted 20 years ago.\n\nThe buoy broke loose from the harbour mouth on March 9, the port said.\n`,
  '02_bay-news.txt': `15 March 2032\n\nPort thanks farmer\n\nThe port said on Monday that the buoy would be back in place by Friday.\n\nThe port last lost a buoy in 2012.\n`,
};

const deps = storyDeps(FILES);

describe('a year counted back is background on the timeline', () => {
  it('"20 years ago" gives its year as background; the dates of the story stay the story', async () => {
    const a = (await runCommand(deps(), { command: 'timeline' })) as unknown as { events: TimelineEvent[] };
    const ago = a.events.filter((e) => e.text.includes('20 years ago'));
    const back = ago.find((e) => e.date === '2012');
    expect(back, JSON.stringify(ago)).toBeDefined();
    expect(back!.background).toBe(true);
    // Written out, the year before the story was already background.
    expect(a.events.find((e) => e.date === '2012' && e.text.includes('last lost'))?.background).toBe(true);
    // The story's own days are not.
    const loose = a.events.find((e) => e.date === '2032-03-09');
    expect(loose?.text).toContain('broke loose');
    expect(loose?.background).toBeFalsy();
  }, 60_000);
});
