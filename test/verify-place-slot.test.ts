/**
 * /verify reads a claim's place as the question it answers ("Brindle Lines is based in Plymouth" → "Where is Brindle
 * Lines based?") and compares the place /ask answers with. A place written only inside a hyphenated compound
 * ("Houston-based operator") is a place as written, and the compound states its verb ("based"). Another place
 * contradicts the claim unless one holds the other — the articles name the two together ("Portreath harbour in
 * Cornwall"), or WordNet says one is part of the other (Houston, Texas, the United States); a place the articles name
 * elsewhere, never beside the answer, is no excuse.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { verify } from '../src/engines/verify.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_strait-news.txt': [
    '12 May 2031',
    '',
    'Ferry adrift off the coast',
    '',
    'Houston-based operator Brindle Lines said its ferry Marlow Star lost power on Monday with 40 passengers aboard.',
    '',
    'The ferry had left Portreath harbour in Cornwall at 9 a.m., the coastguard said.',
    '',
    'Tugs reached the Marlow Star on Tuesday morning.',
    '',
  ].join('\n'),
  '02_harbour-post.txt': [
    '13 May 2031',
    '',
    'Marlow Star towed home',
    '',
    'The Marlow Star was towed back to Portreath on Wednesday, Brindle Lines said.',
    '',
    'A second ferry of the line, which sails from Plymouth, was not affected.',
    '',
  ].join('\n'),
};

const deps = storyDeps(FILES);

describe("a claim's place, asked as /ask asks it", () => {
  it('is contradicted by the place a hyphenated compound names, though the claimed place is named elsewhere', async () => {
    const v = verify(deps(), 'Brindle Lines is based in Plymouth');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/asked as “Where is Brindle Lines based\?”, the articles answer “Houston”, not “Plymouth”/);
    const cited = v.citations.find((c) => c.quote.includes('Houston-based operator'));
    expect(cited, text(v)).toBeTruthy();
    expect(isVerbatim(FILES[cited!.source]!, cited!.quote)).toBe(true);
    // One fact, one answer: /ask names the same place.
    const a = await ask(deps(), 'where is brindle lines based?');
    expect(a.short?.text, text(a)).toMatch(/^Houston \[\d+\]$/);
  }, 60_000);

  it('is supported by the same place', () => {
    const v = verify(deps(), 'Brindle Lines is based in Houston');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);

  it('is not contradicted by a place that holds the answer or lies in it (WordNet part holonyms), named or not', () => {
    for (const claim of ['Brindle Lines is based in Texas', 'Brindle Lines is based in the United States']) {
      const v = verify(deps(), claim);
      expect(v.verdict, `${claim}\n${text(v)}`).not.toBe('contradicted');
    }
  }, 60_000);
});
