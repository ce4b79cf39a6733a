/**
 * A date in a clause that writes the question's verb negated ("can't yet return Wednesday", "did not reopen on Monday")
 * is the day the act did not happen: it does not answer "when". With "until" ("could not return until Friday") it says
 * when the act did happen. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a chemical-fire story: "can\'t yet return Wednesday" is not when residents returned', () => {
  const deps = storyDeps({
    '01_fire-news.txt': `8 March 2031\n\nFire at Tamsby plant\n\nA fire broke out at a paint plant in Tamsby on Monday. Residents near the plant were evacuated because of the fumes and can't yet return Wednesday, officials said.\n`,
  });

  it('"when were residents allowed to go back home" is refused', async () => {
    const a = await askIn(deps(), 'when were residents allowed to go back home');
    expect(a.answered, answerText(a)).toBe(false);
    expect(a.short?.text ?? '').not.toContain('Wednesday');
  }, 60_000);
});

describe('a bridge story: "did not reopen on Monday" is not when it reopened; "not … until" is', () => {
  const deps = storyDeps({
    '01_bridge-news.txt': `14 May 2032\n\nBarge hits Orlen bridge\n\nA barge struck the Orlen bridge on Saturday. The bridge did not reopen on Monday, the city said.\n`,
    '02_bridge-later.txt': `20 May 2032\n\nOrlen ferry service\n\nThe Orlen ferry stopped after the crash and could not resume until Thursday, its owner said.\n`,
  });

  it('"when did the orlen bridge reopen" is refused; "when did the ferry resume" says Thursday', async () => {
    const a = await askIn(deps(), 'when did the orlen bridge reopen');
    expect(a.answered, answerText(a)).toBe(false);
    expect(a.short?.text ?? '').not.toContain('Monday');
    const b = await askIn(deps(), 'when did the orlen ferry resume');
    expect(b.answered, answerText(b)).toBe(true);
    expect(b.short?.text ?? '').toContain('Thursday');
  }, 60_000);
});
