/**
 * A claim's percentage is a slot /verify asks of the evidence core like any figure (issue #12, one fact, one answer):
 * "About 12% of the island's freight goes through Portreath" is asked "What share of the island's freight goes through
 * Portreath?" — a share opening its claim — and "Brindle shares fell 8% …" is asked "How much did Brindle shares fall
 * …?". The share /ask states, worded otherwise ("passes through", "island's cargo traffic"), supports the same value and
 * contradicts another. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { claimSlots } from '../src/evidence/claim-slot.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_island-post.txt': '9 June 2032\n\nHarbour closed after landslip\n\nA landslip closed Portreath harbour on Sunday.\n\nAbout 12% of the island\'s cargo traffic passes through the harbour and dozens of boats are waiting offshore.\n\nThe harbour master said the quay could reopen within a week.\n',
  '02_market-wire.txt': '10 June 2032\n\nFerry operator shares slide\n\nShares of ferry operator Brindle Lines dropped nearly 8% in early trading on Monday after the closure.\n\nThe company said its ships would sail from Hayle instead.\n',
};

const deps = storyDeps(FILES);
const REF = new Date('2032-06-11T12:00:00Z');

describe("a claim's percentage, asked as /ask asks it", () => {
  it('asks a share that opens its claim as "What share of …", any other as "How much …"', () => {
    expect(claimSlots("About 12% of the island's freight goes through Portreath harbour", REF)[0]?.question).toBe("What share of the island's freight goes through Portreath harbour?");
    expect(claimSlots('Brindle shares fell nearly 8% on Monday', REF)[0]?.question).toBe('How much did Brindle shares fall on Monday?');
  });

  it('is supported by the same share, worded otherwise', () => {
    const v = verify(deps(), "About 12% of the island's freight goes through Portreath harbour");
    expect(v.verdict, text(v)).toBe('supported');
    const cited = v.citations.find((c) => c.quote.includes('About 12%'));
    expect(cited, text(v)).toBeTruthy();
    expect(isVerbatim(FILES[cited!.source]!, cited!.quote)).toBe(true);
  }, 60_000);

  it('is contradicted by another share of the same thing', () => {
    const v = verify(deps(), "About 40% of the island's freight goes through Portreath harbour");
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/12%/);
  }, 60_000);
});
