/**
 * Whose date a set-off clause gives (issue #12, found with the unanswerable probes): in "the ferry Sula Brae, built in
 * 1998, ran aground near the port of Ostend", 1998 is the ferry's, so "when was the port of Ostend built?" is not
 * answered with it, while "when was the Sula Brae built?" still is. Likewise a date in the possessive dates the noun
 * after it ("to inspect last week's damage"): "when did the inspectors visit the port?" is not answered with "last
 * week" (found on real news: "asking him to testify on last week's global tech outage"). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-wire.txt': `3 March 2035\n\nFerry aground off Ostend\n\nThe ferry Sula Brae, built in 1998, ran aground near the port of Ostend, the coast guard said.\n\nTugs pulled the ferry free on Tuesday.\n\nThe harbour board has asked inspectors to visit the port and report on last week's damage to the quay.\n`,
};

const deps = storyDeps(FILES);

const text = answerText;

describe('a date set off after a name is that name\'s', () => {
  it('is not the date of another thing in the sentence', async () => {
    const a = await ask(deps(), 'when was the port of ostend built?');
    expect(a.short?.text ?? '', text(a)).not.toMatch(/1998/);
    expect(a.answered, text(a)).toBe(false);
  }, 60_000);

  it('is the date of the name it follows', async () => {
    const a = await ask(deps(), 'when was the sula brae built?');
    expect(a.short?.text, text(a)).toMatch(/^1998 \[\d+\]$/);
  }, 60_000);

  it('a date in the possessive is the date of the noun after it', async () => {
    const a = await ask(deps(), 'when did the inspectors visit the port?');
    expect(a.short?.text ?? '', text(a)).not.toMatch(/last week/);
  }, 60_000);
});
