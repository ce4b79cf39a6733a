/**
 * "Why …?" is answered by the reason a sentence gives, in the forms reports write it (issue #12; lexicon
 * REASON_CUES / CAUSE_BEFORE_CUES): what something was done for ("kept in quarantine to avoid infection"), what held
 * it up ("strong currents were hampering efforts …": the cause before the verb, without its auxiliary), and the reason
 * ends where the sentence goes on to what followed ("… and so have not seen …"). A place after "in" says where, not why.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_strait-watch.txt': `20 August 2034\n\nFerry wreck raised from the Orla Strait\n\nThe crew of the salvage barge have been kept in quarantine to avoid infection and so have not seen their families.\n\nOfficials said strong currents were hampering efforts to lift the wreck.\n\nThe wreck was finally lifted in the Orla Strait after a week of delays.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('reasons as reports write them', () => {
  it('"to avoid …" is what it was done for, and the reason stops at "and so"', async () => {
    const a = await ask("why haven't the crew seen their families");
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/to avoid infection/);
    expect(a.short?.text ?? '').not.toMatch(/and so/);
  }, 60_000);

  it('what held it up is the cause before "were hampering", without "were"', async () => {
    const a = await ask('why is it taking so long to lift the wreck');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^strong currents \[\d+\]$/);
  }, 60_000);

});

describe('a place is no reason', () => {
  const placeDeps = storyDeps({
    '01_harbour-log.txt': `21 August 2034\n\nFerry wreck lifted\n\nThe wreck was finally lifted in the Orla Strait after a week of delays.\n\nDivers inspected the hull on Tuesday.\n`,
  });

  it('"in the Orla Strait" says where, not why', async () => {
    const a = (await runCommand(placeDeps(), { command: 'ask', text: 'why was the wreck lifted so late' })) as A;
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/Orla Strait/);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/after a week of delays/);
  }, 60_000);
});

describe('whom a report cites is no reason, and a reason does not end on "that"', () => {
  const citeDeps = storyDeps({
    '01_port-wire.txt': `22 August 2034\n\nOrla port closed\n\nThe Orla port was closed on Monday, the wire reported, citing the Harbour Board.\n\nThe port had been shut following a storm surge that caused flooding on the quays.\n`,
  });
  const ask = async (text: string) => (await runCommand(citeDeps(), { command: 'ask', text })) as A;

  it('"citing the Harbour Board" is not why the port closed; the storm surge is, without its "that"', async () => {
    const a = await ask('why was the port closed');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/citing/);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/storm surge/);
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/\bthat \[\d+\]$/);
  }, 60_000);
});
