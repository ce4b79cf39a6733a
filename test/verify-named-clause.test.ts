/**
 * A compound claim whose second clause has a name for its subject ("… and Varn closed its airspace") is judged part by
 * part: one part the articles say and one they never address is partly supported, not "not addressed" for the whole.
 * A name with no verb of its own ("met Ostrova and Reyes") is one more object, not a clause. Found on real news (claims
 * typed about a stranded ship). Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { splitClaim } from '../src/engines/verify.js';
import { answerText, storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_port-wire.txt': `24 March 2031\n\nFreighter blocks the Varn strait\n\nStrong winds pushed the freighter Calder Star aground in the Varn strait on Tuesday, the port authority said.\n\nTugs from Ostrova Marine refloated the ship on Friday.\n`,
});

describe('a clause with a name for its subject is a part of its own', () => {
  it('splits at "and <Name> <verb>", not at "and <Name>"', () => {
    expect(splitClaim('Strong winds pushed the freighter aground and Varn closed its airspace').map((p) => p.shown)).toEqual([
      'Strong winds pushed the freighter aground',
      'Varn closed its airspace',
    ]);
    expect(splitClaim('The minister met Ostrova and Reyes on Friday')).toHaveLength(1);
  });

  it('one part said, one never addressed: partly supported', async () => {
    const v = (await runCommand(deps(), { command: 'verify', text: 'Strong winds pushed the Calder Star aground and Varn closed its airspace' })) as { verdict?: string; blocks: { text: string }[] };
    expect(v.verdict, answerText(v)).toBe('partly supported');
  }, 60_000);

  it('both parts said: supported', async () => {
    const v = (await runCommand(deps(), { command: 'verify', text: 'Strong winds pushed the Calder Star aground and Ostrova Marine refloated it' })) as { verdict?: string; blocks: { text: string }[] };
    expect(v.verdict, answerText(v)).toBe('supported');
  }, 60_000);
});

describe('a list of subjects: each item with the whole predicate', () => {
  const listDeps = storyDeps({
    '01_grid-wire.txt': `9 May 2032\n\nPower cut hits the coast\n\nThe power cut disrupted ferries across the coast on Monday.\n\nBanks in Corran were also disrupted by the power cut, and two hospitals switched to generators.\n\nHospitals were disrupted by the power cut for several hours, officials said.\n`,
  });

  it('splits "A, B and C <verb> …", not what they did together or "his son"', () => {
    expect(splitClaim('Ferries, banks and hospitals were all disrupted by the power cut').map((p) => p.query)).toEqual([
      'Ferries were disrupted by the power cut',
      'banks were disrupted by the power cut',
      'hospitals were disrupted by the power cut',
    ]);
    expect(splitClaim('Ostrova and Reyes met in Corran')).toHaveLength(1);
    expect(splitClaim('Ostrova and his son Tomas died')).toHaveLength(1);
  });

  it('a thousands comma separates no items, nor does a phrase set off before the subject', () => {
    expect(splitClaim('Then Friday, 2,224 passengers and six crew members boarded the ferry')).toHaveLength(1);
    expect(splitClaim('On Monday, ferries and banks were disrupted by the power cut')).toHaveLength(1);
    expect(splitClaim('1,200 ferries, 300 banks and two hospitals were disrupted by the power cut').map((p) => p.query)).toEqual([
      '1,200 ferries were disrupted by the power cut',
      '300 banks were disrupted by the power cut',
      'two hospitals were disrupted by the power cut',
    ]);
  });

  it('every item said: supported', async () => {
    const v = (await runCommand(listDeps(), { command: 'verify', text: 'Ferries, banks and hospitals were all disrupted by the power cut' })) as { verdict?: string; blocks: { text: string }[] };
    expect(v.verdict, answerText(v)).toBe('supported');
  }, 60_000);
});
