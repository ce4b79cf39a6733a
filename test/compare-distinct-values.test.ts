/**
 * A disagreement's topic line names each value once: two outlets' "six" and a third's "Six" (a sentence opening) are one
 * value against "seven", not three (the sides still cite every outlet). Seen in the digest of a held-out corpus. Story
 * written here, three independent outlets.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-daily.txt': `4 April 2036\n\nQuay wall gives way at Penmore\n\nA quay wall collapsed at Penmore docks on Tuesday, killing six dock workers, the port said.\n`,
  '02_valley-post.txt': `4 April 2036\n\nPenmore quay collapse\n\nSix dock workers were killed when a quay wall collapsed at Penmore docks on Tuesday.\n`,
  '03_coast-radio.txt': `5 April 2036\n\nQuay collapse toll disputed\n\nSeven dock workers were killed in Tuesday's collapse at Penmore docks, the union said.\n`,
};
const deps = storyDeps(FILES);

describe('a disagreement between figures', () => {
  it('names each value once in its topic, every outlet still cited', async () => {
    const a = await runCommand(deps(), { command: 'compare' });
    const d = a.disagreements?.find((x) => /six/i.test(x.topic) && /seven/i.test(x.topic));
    expect(d, JSON.stringify(a.disagreements?.map((x) => x.topic))).toBeTruthy();
    expect(d!.topic).toMatch(/“six” vs “Seven”|“Six” vs “Seven”|“Seven” vs “six”|“Seven” vs “Six”/);
    expect(d!.topic.match(/six/gi)!.length).toBe(1);
    expect(d!.sides.length).toBe(3);
  }, 60_000);
});
