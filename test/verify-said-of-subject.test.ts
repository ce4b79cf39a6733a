/**
 * A claim is supported only by a sentence about its own subject:
 * - a name that qualifies the claim's subject ("doctors from Tolsk") must be said of that subject where the claim is
 *   supported, not merely somewhere in the same article;
 * - a plain number of the claim ("a magnitude 3.1 aftershock", "a level 2 alert") that the sentence gives with another
 *   value for the same word is not said by it.
 * Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_mine-herald.txt':
    '9 September 2031\n\nMiners treated after collapse\n\nArmy doctors from Ambria treated the injured miners at the Harrow clinic after the collapse.\n\nThe shaft had been closed twice before for repairs to its roof.\n\nA convoy of trucks from Tolsk brought timber to shore up the tunnel.\n\nThe union said it would pay for the miners to rest at home.\n',
  '02_harbour-news.txt':
    '14 May 2031\n\nStorm damage at Pellin harbour\n\nVolunteers from Norland cleared the wrecked boats from the Pellin slipway on Saturday.\n\nThe storm sank six fishing boats and tore the roof off the fish market.\n\nThe mayor of Kessar sent a letter of thanks to the harbour master.\n',
  '03_valley-news.txt':
    '3 March 2031\n\nTremor shakes Orrel valley\n\nA magnitude 5.4 tremor shook the Orrel valley on Monday, cutting power to 3,000 homes.\n\nSchools in the valley stayed closed on Tuesday while engineers checked the buildings.\n',
  '04_flood-post.txt':
    '22 November 2031\n\nFlood warning on the Tarn\n\nThe weather office issued a level 4 flood alert for the Tarn basin on Wednesday.\n\nFarmers moved their cattle to higher ground before the river rose.\n',
};

const deps = storyDeps(FILES);

describe('a name qualifying the subject is said of it', () => {
  it('doctors from another place are not the doctors the claim names', () => {
    const v = verify(deps(), 'Army doctors from Tolsk treated the injured miners');
    expect(v.verdict, text(v)).not.toBe('supported');
    expect(text(v)).not.toMatch(/Army doctors from Ambria/);
  }, 60_000);

  it('volunteers from another place are not the volunteers the claim names', () => {
    const v = verify(deps(), 'Volunteers from Kessar cleared the wrecked boats from the Pellin slipway');
    expect(v.verdict, text(v)).not.toBe('supported');
    expect(text(v)).not.toMatch(/Volunteers from Norland/);
  }, 60_000);

  it('the place said of the subject still supports', () => {
    const v = verify(deps(), 'Army doctors from Ambria treated the injured miners');
    expect(v.verdict, text(v)).toBe('supported');
    const w = verify(deps(), 'Volunteers from Norland cleared the wrecked boats from the Pellin slipway');
    expect(w.verdict, text(w)).toBe('supported');
  }, 60_000);
});

describe('a plain number given another value', () => {
  it('a magnitude the sentence gives otherwise is not supported', () => {
    const v = verify(deps(), 'A magnitude 3.1 tremor shook the Orrel valley on Monday');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/magnitude 5\.4 tremor/);
  }, 60_000);

  it('an alert level the sentence gives otherwise is not supported', () => {
    const v = verify(deps(), 'The weather office issued a level 2 flood alert for the Tarn basin');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/level 4 flood alert/);
  }, 60_000);

  it('the same plain number still supports', () => {
    const v = verify(deps(), 'A magnitude 5.4 tremor shook the Orrel valley on Monday');
    expect(v.verdict, text(v)).toBe('supported');
    const w = verify(deps(), 'The weather office issued a level 4 flood alert for the Tarn basin');
    expect(w.verdict, text(w)).toBe('supported');
  }, 60_000);
});
