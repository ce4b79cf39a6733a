/**
 * Everyday words people type for what articles write formally: "said sorry" for "apologised", "boss" for "CEO" or
 * "chief", "trips" for "expeditions" or "voyages". They are one synonym group each in the lexicon's table, used by every command. Found on real news ("CrowdStrike's
 * boss said sorry for the outage" was not addressed, though the CEO "apologised for the outage"). Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_rail-wire.txt': `3 June 2032\n\nHarbour Line apologises for timetable chaos\n\nHarbour Line CEO Nadia Bell apologised for the cancellations on Monday, after a scheduling fault stranded commuters for two days.\n\nThe operator said services would return to normal on Wednesday.\n`,
  '02_reef-post.txt': `4 June 2032\n\nReef tours paused\n\nAltara Voyages has been operating expeditions to the Corran reef since 2019. It paused them on Tuesday after the storm.\n`,
});

describe('everyday words for formal ones', () => {
  it('"Harbour Line\'s boss said sorry for the cancellations" is supported by the CEO who apologised', async () => {
    const v = (await runCommand(deps(), { command: 'verify', text: "Harbour Line's boss said sorry for the cancellations" })) as { verdict?: string; blocks: { text: string }[] };
    expect(v.verdict, answerText(v)).toBe('supported');
  }, 60_000);

  it('"Altara had been running trips to the reef since 2019" is supported by its "expeditions"', async () => {
    const v = (await runCommand(deps(), { command: 'verify', text: 'Altara had been running trips to the Corran reef since 2019' })) as { verdict?: string; blocks: { text: string }[] };
    expect(v.verdict, answerText(v)).toBe('supported');
  }, 60_000);

  it('/ask "did the boss say sorry?" finds the apology', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'did the harbour line boss say sorry?' })) as { answered: boolean; blocks: { text: string }[] };
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/apologised/);
  }, 60_000);
});
