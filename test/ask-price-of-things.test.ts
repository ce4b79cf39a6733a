/**
 * "How much were tickets?" asks a price: things counted one by one have a price, not an amount, so the count of
 * tickets sold is no answer to it — and a story that gives no price refuses. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const PRICED = storyDeps({
  '01_arts-daily.txt': `5 May 2044\n\nRiverside concert sells out\n\nAll 40,000 tickets for the Riverside concert sold out in an hour on Friday. Tickets cost $85 each, the promoter said.\n`,
});
const UNPRICED = storyDeps({
  '01_arts-daily.txt': `5 May 2044\n\nRiverside concert sells out\n\nAll 40,000 tickets for the Riverside concert sold out in an hour on Friday, the promoter said.\n`,
});

describe('how much are things counted one by one', () => {
  it('is their price', async () => {
    for (const q of ['how much were tickets', 'how much is a ticket']) {
      const a = await askIn(PRICED(), q);
      expect(a.short?.text ?? '', `${q}: ${answerText(a)}`).toMatch(/^\$85 \[\d+\]$/);
    }
    const n = await askIn(PRICED(), 'how many tickets were sold');
    expect(n.short?.text ?? '', answerText(n)).toMatch(/^40,000 tickets \[\d+\]$/);
  }, 60_000);

  it('is not the count of them: no price, no answer', async () => {
    const a = await askIn(UNPRICED(), 'how much were tickets');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toMatch(/no amount of money/);
  }, 60_000);
});
