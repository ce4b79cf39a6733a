/**
 * A company's legal form after a possessive belongs to the company ("McDonald’s Corp."), even where the corpus also
 * writes the form after another name ("Microsoft Corp"): it is never an entity of its own. Found on real news, where
 * "McDonald’s Corp." made the entities "McDonald" and "Corp", and "Corp" was listed as an affected company. Text
 * written here.
 */
import { describe, expect, it } from 'vitest';
import { analysisOf } from '../src/analysis/index.js';
import { storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `8 June 2032\n\nBooking outage hits ferry firms\n\nA growing list of companies have begun disclosing impacts, including Brine Lines Holdings Inc. and Corvo’s Corp. Quillon shares fell 12%.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nQuillon sued\n\nTallis Shipping has hired a lawyer to seek damages from Quillon Corp and Norrow Corp.\n`,
};

const deps = storyDeps(FILES);

describe('a legal form after a possessive is the company’s', () => {
  it('no entity is called "Corp"; Corvo is one', () => {
    const names = analysisOf(deps()).entities.entities.map((e) => e.name);
    expect(names).not.toContain('Corp');
    expect(names.some((n) => /^Corvo/.test(n)), names.join(', ')).toBe(true);
  });
});
