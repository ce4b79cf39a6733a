/**
 * A claim's figure asked of /ask (the slot path) is contradicted by the value /ask states even when that value fits the
 * question less well than a sum beside the subject's own word — when its sentence names everything the claim names
 * (issue #12): "Insurers put the total loss for Kestrel Freight at $2.1 million due to the Penmore incident" against
 * "The fire cost Kestrel Freight more than $10 million". Without the names in that sentence a loosely fitting value
 * contradicts nothing. Two stories written here, a warehouse fire and a storm at sea.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FIRE: Record<string, string> = {
  '01_harbour-daily.txt': `4 April 2036\n\nWarehouse fire at Penmore docks\n\nA fire tore through a warehouse at Penmore docks on Tuesday night.\n\nInsurers put the total loss for Kestrel Freight at $2.1 million due to the Penmore incident.\n\nThe company said its staff were safe.\n`,
};
const STORM: Record<string, string> = {
  '01_island-post.txt': `12 October 2036\n\nStorm batters the strait\n\nA storm closed the strait for two days this week.\n\nAnalysts estimated the hit to ferry operator Brindle Lines at £3 million after the closure.\n\nSailings resumed on Friday.\n`,
};
const fire = storyDeps(FIRE);
const storm = storyDeps(STORM);

describe('a claim figure against the value /ask states beside every name the claim gives', () => {
  it('is contradicted (fire)', () => {
    const v = verify(fire(), 'The fire cost Kestrel Freight more than $10 million');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/\$2\.1 million/);
  }, 60_000);

  it('is contradicted (storm)', () => {
    const v = verify(storm(), 'The storm cost Brindle Lines £12 million');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/£3 million/);
  }, 60_000);

  it('is not contradicted by a value whose sentence does not name the claim’s subject', () => {
    const v = verify(storm(), 'The storm cost Kestrel Freight £12 million');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);
});
