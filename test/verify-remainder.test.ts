/**
 * What is left of something is not the whole of it (issue #12: one fact, one answer). "The submersible had about four
 * days of oxygen" was "partly supported — the sources differ" on real news, because a later report that it had "about
 * 40 hours of oxygen remaining" was read as a rival figure for the same thing. A figure written with "remaining" or
 * "left" (lexicon REMAINDER_WORDS) is of another moment than the whole, as two figures of different dates are
 * (`differentTimes`, shared by /verify, /compare and the digest). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { runCommand } from '../src/engines/index.js';
import { isRemainder } from '../src/analysis/figure-relations.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_sea-wire.txt': `22 June 2034\n\nMini-sub missing off Corran\n\nThe Corran Belle had enough air on board for 72 hours, its operator Deepline said.\n\nThe search resumed at dawn with two ships.\n`,
  '02_harbour-news.txt': `22 June 2034\n\nSearch for Corran Belle goes on\n\nCoast guard officials said the Corran Belle had about 20 hours of air remaining.\n\nPlanes are searching an area the size of a small country.\n`,
};

const deps = storyDeps(FILES);

describe('a remainder is not a rival of the whole', () => {
  it('the whole is supported, not disputed by what was left later', () => {
    const v = verify(deps(), 'The Corran Belle had about three days of air');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).not.toMatch(/sources differ/);
  }, 60_000);

  it('a figure that neither is contradicted', () => {
    const v = verify(deps(), 'The Corran Belle had 10 hours of air');
    expect(v.verdict, text(v)).toBe('contradicted');
  }, 60_000);

  it('/compare lists no disagreement between the whole and the remainder', async () => {
    const c = await runCommand(deps(), { command: 'compare', text: '' });
    expect(text(c)).not.toMatch(/20 hours/);
  }, 60_000);

  it('reads "remaining" and "left" after the noun, and "the remaining" before the figure', () => {
    const s = (t: string) => ({ text: t }) as never;
    expect(isRemainder({ display: 'about 20', sentence: s('the sub had about 20 hours of air remaining.') })).toBe(true);
    expect(isRemainder({ display: '12', sentence: s('Only 12 seats were left on the flight.') })).toBe(true);
    expect(isRemainder({ display: '12', sentence: s('The remaining 12 boys were brought out on Tuesday.') })).toBe(true);
    expect(isRemainder({ display: '72', sentence: s('It carried enough air for 72 hours, and left port on Sunday.') })).toBe(false);
    expect(isRemainder({ display: '72', sentence: s('It carried enough air for 72 hours.') })).toBe(false);
    expect(isRemainder({ display: '500', sentence: s('About 500 workers left the company last year.') })).toBe(false);
  });
});
