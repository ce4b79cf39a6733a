/**
 * A name that sets a claim's scene ("Nobody was killed in the Varrow Library fire") is said by the article the evidence
 * is in: a report on the fire need not repeat the library's name in the sentence that says nobody died. A name the claim
 * is about (its subject) is still looked for in the sentence and beside it. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_city-herald.txt': `14 May 2040\n\nFire guts Varrow Library\n\nA fire tore through the Varrow Library on Monday night, destroying its reading rooms.\n\nThe city council met on Tuesday to discuss the budget.\n\nFirefighters put the fire out by Tuesday morning, and nobody was killed.\n`,
  '02_valley-post.txt': `15 May 2040\n\nOrwell School reopens\n\nThe Orwell School reopened on Wednesday after repairs to its gym.\n\nNobody was hurt when part of the gym ceiling fell last month.\n`,
});

describe('a name that sets the scene', () => {
  it('is said by the article: "Nobody was killed in the Varrow Library fire" is supported', () => {
    const v = verify(deps(), 'Nobody was killed in the Varrow Library fire');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/nobody was killed/);
  });

  it('is not said by another article: "Nobody was killed in the Orwell school fire" is not supported', () => {
    const v = verify(deps(), 'Nobody was killed in the Orwell School fire');
    expect(v.verdict, text(v)).not.toBe('supported');
  });
});
