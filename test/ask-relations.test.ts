/**
 * /ask with the corpus's WordNet relations: a question word the articles never use is
 * found, and supported, through a related word they do use (synonym, derivation,
 * attribute); a question whose words relate to nothing there is still refused.
 * The corpus is written for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { extractive } from '../src/engines/ask.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const HARBOUR = `Harbour board settles with the ferry union

The Porthwen harbour board and the ferry union reached a pact on Monday after nine days of talks.

Forty-two signatories put their names to the pact, among them the mayor, Idris Vane.

The council bought the ferry Saltmarsh from a northern operator in 2019.

Dredgers increased the channel's width to 80 metres so that the Saltmarsh can turn inside the harbour.

The Saltmarsh was repainted in the spring before the summer timetable began.

The union thanked the Saltmarsh crew for their loyalty during the dispute.
`;

const MARKET = `Fish market reopens after storm

The Porthwen fish market reopened on Thursday, a week after a storm flooded its hall.

Traders said the flood had spoiled most of the ice stores, and prices rose for two days.
`;

let deps: Deps;
beforeAll(async () => {
  deps = await depsFor(writeCorpus({ 'harbour.txt': HARBOUR, 'market.txt': MARKET }));
});
afterAll(cleanupTempDirs);

const quotes = (a: { citations: { quote: string }[] }) => a.citations.map((c) => c.quote).join('\n');

describe('/ask finds a question word through the word the articles use', () => {
  it.each([
    ['derivation', 'Who signed the pact?', /Forty-two signatories/],
    ['synonym', 'Who purchased the Saltmarsh?', /council bought the ferry/],
    ['attribute', 'Was the crew loyal?', /crew for their loyalty/],
  ])('%s: %s', async (_kind, question, quote) => {
    const a = extractive(deps, question);
    expect(a.answered).toBe(true);
    expect(quotes(a)).toMatch(quote);
    // Through the whole command too (figure slots and follow-ups included).
    const b = await runCommand(deps, { command: 'ask', text: question });
    expect(b.answered).toBe(true);
    expect(quotes(b)).toMatch(quote);
  });

  it('still refuses a question whose words relate to nothing in the articles', async () => {
    for (const q of ['Who repaired the lighthouse?', 'Was the Saltmarsh sold for scrap?']) {
      const a = await runCommand(deps, { command: 'ask', text: q });
      expect(a.answered, q).toBe(false);
      expect(a.blocks[0]!.text).toMatch(/articles don.t answer/);
    }
  });

  it('does not let a broader word stand in for a narrower one the articles never use', async () => {
    // "kayak" is a kind of boat; the articles speak of a ferry: no support for a kayak.
    const a = await runCommand(deps, { command: 'ask', text: 'Was the kayak repainted in the spring?' });
    expect(a.answered).toBe(false);
  });
});
