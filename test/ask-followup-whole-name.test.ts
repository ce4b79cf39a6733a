/**
 * A suggested follow-up about a place or thing names it as the index does, whole ("the Cape of Good Hope"), not by the
 * run of capitals a sentence gives ("Good Hope": "of" breaks it). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_sea-post.txt': `2 July 2036\n\nTankers take the long way\n\nDozens of tankers have turned back from the strait.\n\nShippers may reroute around the Cape of Good Hope, adding about two weeks to journeys.\n\nInsurers raised their rates on Monday.\n`,
};

const deps = storyDeps(FILES);

describe('follow-ups', () => {
  it('name a place by its whole name', async () => {
    const a = await ask(deps(), 'how many weeks does rerouting add?');
    expect(a.answered).toBe(true);
    const about = a.followUps.filter((f) => /Good Hope/.test(f));
    expect(about, a.followUps.join('\n')).toEqual(['What do the articles say about the Cape of Good Hope?']);
  }, 60_000);
});
