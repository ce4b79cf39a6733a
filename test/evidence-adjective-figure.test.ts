/**
 * A figure written as an adjective measures the noun it is glued to (issue #12, found with the unanswerable probes):
 * "the 12-mile cave" is the cave's length, so it answers no "how tall is the cave entrance" — "cave" there only says
 * which entrance — and "a two-hour descent" is the descent's length, no answer to how long something else took.
 * A figure of the thing asked still answers. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_hill-post.txt': `8 August 2034\n\nCavers trapped in Brenn cave\n\nThe main entrance to the 12-mile Brenn cave is in the Ossa hills, rescuers said on Tuesday.\n\nThe wreck of the steamer Idra lies nearby, and tours to see it involve a two-hour descent.\n`,
  '02_valley-times.txt': `9 August 2034\n\nRescue at Brenn\n\nThe cave's second shaft is 40 metres deep, the rescue chief said.\n\nThe navy sent a 21-foot submersible to the cave on Wednesday.\n`,
};

const deps = storyDeps(FILES);

const text = answerText;

describe('a figure written as an adjective measures its own noun', () => {
  it('"the 12-mile cave" gives no height of the cave entrance', async () => {
    const a = await ask(deps(), 'how tall is the cave entrance?');
    expect(a.short?.text ?? '', text(a)).not.toMatch(/12-mile/);
    expect(a.answered, text(a)).toBe(false);
  }, 60_000);

  it('"a two-hour descent" is not how long the steamer took to sink', async () => {
    const a = await ask(deps(), 'how long did the idra take to sink?');
    expect(a.short?.text ?? '', text(a)).not.toMatch(/two-hour/);
    expect(a.answered, text(a)).toBe(false);
  }, 60_000);

  it('a figure of the thing asked still answers', async () => {
    const sub = await ask(deps(), 'how long is the submersible?');
    expect(sub.short?.text, text(sub)).toMatch(/^21-foot \[\d+\]$/);
    const shaft = await ask(deps(), 'how deep is the second shaft?');
    expect(shaft.short?.text, text(shaft)).toMatch(/^40 metres \[\d+\]$/);
  }, 60_000);
});
