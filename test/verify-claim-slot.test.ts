/**
 * /verify asks a claim's figure as /ask would (issue #12: "one fact, one answer"). When the claim's words and the
 * judge decide nothing — the articles word it otherwise ("crews lost power approximately one hour and 20 minutes
 * after it left Portreath" for "the ferry lost power about an hour and 20 minutes into its trip across the strait") — the claim is
 * read as the question its figure answers, answered by the evidence core, and the answer /ask states is compared
 * with the claim's value: the same span (1 h 20 min, written in two units) supports it, another span of the same
 * kind stated with the claim's verb contradicts it, and a span stated with another verb decides nothing. The claim's
 * circumstances ("into its trip across the strait") may be left out of the question to confirm its value, never to
 * contradict it.
 * Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { verify } from '../src/engines/verify.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const PARAS = [
  'The ferry Marlow Star left Portreath at 9 a.m. on Monday with 40 passengers aboard.',
  'According to the coastguard, crews lost power approximately one hour and 20 minutes after it left Portreath.',
  'Tugs from Portreath reached the Marlow Star on Tuesday morning.',
  'The Marlow Star carries heating oil to last 30 hours, its operator Brindle Lines said.',
  'Passengers said the crew kept them calm through the night. The trip across the strait is popular with tourists in summer.',
  'The coastguard said the Marlow Star would be towed back to Portreath.',
];
const FILES: Record<string, string> = {};
for (let a = 0; a < 3; a++) {
  FILES[`0${a + 1}_strait-news.txt`] = `${12 + a} May 2031\n\nFerry adrift off Portreath, day ${a + 1}\n\n${PARAS.slice(a, a + 4).join('\n\n')}\n`;
}

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(FILES));
}, 120_000);
afterAll(() => cleanupTempDirs());

const text = (a: { blocks: { text: string }[] }) => a.blocks.map((b) => b.text).join('\n');

describe('a claim read as the question its figure answers', () => {
  it('is supported by the span /ask states, worded otherwise and written in two units', async () => {
    const claim = 'The Marlow Star lost power about an hour and 20 minutes into its trip across the strait';
    const v = verify(deps, claim);
    expect(v.verdict, text(v)).toBe('supported');
    const cited = v.citations.find((c) => c.quote.includes('one hour and 20 minutes'));
    expect(cited, text(v)).toBeTruthy();
    expect(isVerbatim(FILES[cited!.source]!, cited!.quote)).toBe(true);
    expect(text(v)).toMatch(/asked as “How long did the Marlow Star lose power\?”/);
    // One fact, one answer: /ask states the same span from the same sentence.
    const a = await ask(deps, 'how long after leaving portreath did the marlow star lose power?');
    expect(a.short?.text, text(a)).toMatch(/^approximately one hour and 20 minutes \[\d+\]$/);
  }, 60_000);

  it('is contradicted by another span of the same kind stated with its verb', () => {
    const v = verify(deps, 'The Marlow Star lost power about three hours after leaving Portreath');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/one hour and 20 minutes/);
    expect(text(v)).toMatch(/not “about three hours”/);
  }, 60_000);

  it('is not contradicted through its circumstances left out: only the question as claimed contradicts', () => {
    const v = verify(deps, 'The Marlow Star lost power about three hours into its trip across the strait');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);

  it('is not decided by a span stated with another verb', () => {
    const v = verify(deps, 'The Marlow Star burned 30 hours of heating oil on its trip across the strait');
    expect(v.verdict, text(v)).not.toBe('supported');
  }, 60_000);
});
