/**
 * "Which countries …": a country's name is one of them though the sentence never says "countries" ("Airspace was
 * closed over Norway, Finland and the Netherlands"), as it answers "what country"; and a list of names runs on
 * over the article a name takes ("Spain, the UK and the United States"). Stories written here: an ash cloud, a
 * hospital ship's relief mission.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const ASH: Record<string, string> = {
  '01_north-wire.txt': `6 April 2043\n\nAsh cloud grounds flights\n\nA volcano in the far north erupted on Tuesday, its operator of seismic stations said.\n\nAirspace was closed over Norway, Finland and the Netherlands as the ash drifted south on Wednesday. Some 4,000 flights were cancelled.\n\nAirlines said they expected to fly again by Friday.\n`,
};
const RELIEF: Record<string, string> = {
  '01_gulf-post.txt': `14 June 2043\n\nDoctors reach flooded Marrow Bay\n\nFloods cut off the towns of Marrow Bay for a week.\n\nMedical teams arrived from Chile, Peru and the United States on Friday, the health ministry said. They set up two field clinics.\n\nRoads are expected to reopen next month.\n`,
};
const ash = storyDeps(ASH);
const relief = storyDeps(RELIEF);

describe('country names answer "which countries"', () => {
  it('"which countries closed their airspace" lists Norway, Finland and the Netherlands (ash)', async () => {
    const a = await askIn(ash(), 'which countries closed their airspace');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Norway, Finland and the Netherlands \[\d+\]$/);
  }, 60_000);
  it('"which nations sent medical teams" lists Chile, Peru and the United States (relief)', async () => {
    const a = await askIn(relief(), 'which nations sent medical teams');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Chile, Peru and the United States \[\d+\]$/);
  }, 60_000);
});
