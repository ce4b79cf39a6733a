/**
 * A claim's figure bounded on one side ("more than $10 million") is not confirmed by a smaller figure /ask states
 * (issue #12): its range has no upper end, and a tolerance taken from that end met every value, so the claim was
 * "supported" by $2.1 million. The claim's verb whose past is its base ("the fire cost …") is asked as the past ("How
 * much did the fire cost …?"), as /ask is asked. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-daily.txt': `4 April 2036\n\nWarehouse fire at Penmore docks\n\nA fire tore through a warehouse at Penmore docks on Tuesday night.\n\nInsurers put the total loss for Kestrel Freight at $2.1 million due to the fire.\n`,
};
const deps = storyDeps(FILES);

describe('a claim bounded on one side', () => {
  it('is not supported by a figure below its bound', () => {
    const v = verify(deps(), 'The fire cost Kestrel Freight more than $10 million');
    expect(v.verdict, text(v)).not.toBe('supported');
  }, 60_000);

  it('is supported by a figure past its bound', () => {
    const v = verify(deps(), 'The fire cost Kestrel Freight more than $2 million');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/\$2\.1 million/);
  }, 60_000);
});
