/**
 * A date right after a verb of saying ("…, the utility said in a statement Wednesday", "officials said Saturday") is the
 * day of the saying, not of what was said: it does not answer "when did the fire start", but it does answer a question
 * whose verb is a way of saying ("when did the utility admit …"). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a brush-fire story: the day of the statement is not when the morning fire started', () => {
  const deps = storyDeps({
    '01_fire-news.txt': `14 August 2031\n\nUtility and the Calder fire\n\n"We regret that our equipment played a part in the morning fire," Norvale Power said in a statement Wednesday. The blaze later spread to the hills above Calder.\n`,
    '02_fire-more.txt': `15 August 2031\n\nCalder fire\n\nThe Calder fire burned 40 homes, officials said.\n`,
  });

  it('"when did the morning fire start" is refused; "when did norvale power admit its part" says Wednesday', async () => {
    const a = await askIn(deps(), 'when did the morning fire start');
    expect(a.answered, answerText(a)).toBe(false);
    expect(a.short?.text ?? '').not.toContain('Wednesday');
    const b = await askIn(deps(), 'when did norvale power admit its equipment played a part in the fire');
    expect(b.answered, answerText(b)).toBe(true);
    expect(b.short?.text ?? '').toContain('Wednesday');
  }, 60_000);
});

describe('a ferry story: "officials said Saturday" is not when the ferry sank', () => {
  const deps = storyDeps({
    '01_ferry-news.txt': `9 May 2032\n\nFerry sinks off Gorran\n\nThe ferry Minna sank off Gorran with 40 people on board, port officials said Saturday. Divers are searching the wreck.\n`,
    '02_ferry-more.txt': `10 May 2032\n\nGorran ferry\n\nFishing boats pulled 31 people from the sea near Gorran.\n`,
  });

  it('"when did the minna sink" does not answer Saturday', async () => {
    const a = await askIn(deps(), 'when did the minna sink');
    expect(a.short?.text ?? '').not.toContain('Saturday');
  }, 60_000);
});
