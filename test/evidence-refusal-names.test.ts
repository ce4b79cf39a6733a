/**
 * A refusal says what the articles do mention (issue #12: "say which is missing"), the story's setting names too: in
 * a corpus where nearly every passage names the Orla, the name ranks and is not required, yet "how long did the
 * Orla take to sink?" is refused naming it — not "the articles give no length of time for it", as if nothing asked
 * were there. Story written here: twenty short reports about one ferry.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [
    `${String(i + 1).padStart(2, '0')}_bay-news.txt`,
    `${i + 1} May 2037\n\nOrla ferry update ${i + 1}\n\nThe Orla ferry left the harbour at dawn on day ${i + 1} of the strike, officials said.\n\nThe Orla carried ${10 + i} passengers across the bay.\n`,
  ]),
);

const deps = storyDeps(FILES);

describe('a refusal names what the articles mention', () => {
  it('the setting name too', async () => {
    const a = await ask(deps(), 'how long did the orla take to sink?');
    expect(a.answered).toBe(false);
    expect(a.blocks.map((b) => b.text).join('\n')).toMatch(/mention “Orla”/);
  }, 60_000);
});
