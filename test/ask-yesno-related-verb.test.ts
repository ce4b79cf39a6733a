/**
 * A yes/no question whose verb the articles word otherwise (issue #12: "answers the question a person actually typed"):
 * "was the stock exchange still working" is answered by "The … Stock Exchange, however, carried out normal operations" —
 * a sentence holding every noun asked, each by its own word, with a verb related to the question's ("operate" for
 * "work"). A related verb beside only some of what is asked answers nothing. And "still working" is read as a verb
 * (the tagger takes an -ing word after "still" for a noun). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `8 June 2032\n\nBooking outage grounds Tallis ferries\n\nA faulty update knocked out the booking system of Tallis Shipping on Monday, stranding thousands of passengers.\n\nThe Harbour Stock Exchange, however, carried out normal operations.\n\nShares of Tallis Shipping fell 12% on the exchange.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nFerries back on time\n\nFerries were operating on time again by Wednesday, the ferry company said.\n\nThe night ferry to Corvo was cancelled.\n`,
};

const deps = storyDeps(FILES);
const ask = async (q: string) => runCommand(deps(), { command: 'ask', text: q }) as Promise<{ answered: boolean; blocks: { text: string }[] }>;

describe('a yes/no question with the verb worded otherwise', () => {
  it('reads an -ing word after "still" as the verb', () => {
    const q = parseQuestion(deps(), 'was the stock exchange still working');
    expect(q.predicates.map((p) => `${p.lemma}/${p.cls}`)).toContain('work/verb');
    expect(q.topics.map((t) => t.lemma)).not.toContain('working');
  });

  it('is answered by a sentence holding every noun asked and a related verb', async () => {
    const a = await ask('was the stock exchange still working');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('The Harbour Stock Exchange, however, carried out normal operations.');
  }, 60_000);

  // "was the ferry still working" named one thing, and "Ferries were operating on time again" names it with a related
  // verb: it answers now (ask-yesno-one-noun-related-verb). A sentence holding only some of the nouns asked does not.
  it('is refused when the related verb stands beside one noun of the question only', async () => {
    const a = await ask('was the ferry booking system still working');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toContain('never say whether');
  }, 60_000);
});
