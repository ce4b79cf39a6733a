/**
 * A figure contradicts a claim only where its own sentence says the claim's verb: a pair of sentences whose first says
 * something like the verb ("has about 4,000 hotel rooms" for "lived") and whose second gives a count of another event
 * ("killing at least 12 people") does not contradict "About 9,000 people lived in Kettleby". Nor does an open bound the
 * evidence core answers with ("at least 12 people") confirm a value far past it. Found on real news: "About 12,000 people
 * lived in Lahaina before the fire" was called contradicted by "… killing at least 99 people". Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FLOOD: Record<string, string> = {
  '01_dorn-post.txt': `4 April 2031\n\nFlood hits Kettleby\n\nKettleby has about 4,000 hotel rooms, or about half of Dorn County's total. Travelers evacuated those hotels after the April 2 flood swept through Kettleby town, killing at least 12 people and destroying more than 300 homes.\n\nThe county opened two shelters on Saturday.\n`,
  '02_river-news.txt': `5 April 2031\n\nKettleby counts the cost\n\nRepairs to the Kettleby bridge will take a year, engineers said.\n\nThe flood was the worst in the county since 1962.\n`,
};

const QUAKE: Record<string, string> = {
  '01_coast-wire.txt': `9 May 2031\n\nQuake shakes Ardo\n\nThe earthquake struck Ardo at dawn on Friday, killing 40 people, officials said.\n\nRescue teams from Vell reached Ardo by noon.\n`,
  '02_hill-times.txt': `10 May 2031\n\nArdo buries its dead\n\nThe quake killed 40 people in Ardo, the mayor said on Saturday.\n`,
};

const flood = storyDeps(FLOOD);
const quake = storyDeps(QUAKE);
type V = { verdict?: string; blocks: { text: string }[] };

describe('a figure of another event does not decide a claim', () => {
  it('a count of the dead in a pair\'s second sentence neither contradicts nor confirms how many people lived there', async () => {
    const a = (await runCommand(flood(), { command: 'verify', text: 'About 9,000 people lived in Kettleby before the flood' })) as V;
    expect(a.verdict ?? 'not addressed', answerText(a)).not.toBe('contradicted');
    expect(a.verdict ?? 'not addressed', answerText(a)).not.toBe('supported');
  }, 60_000);

  it('a count said with the claim\'s own verb still contradicts it', async () => {
    const a = (await runCommand(quake(), { command: 'verify', text: 'The earthquake killed 400 people in Ardo' })) as V;
    expect(a.verdict, answerText(a)).toBe('contradicted');
  }, 60_000);
});
