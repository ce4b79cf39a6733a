/**
 * "How long is the ship" asks a length: a made thing (WordNet's artifacts) has no duration, so a span of time is no
 * answer to it — "how long was the bridge closed" (a verb after the thing says what lasted) or "how long did the repairs
 * take" still ask one. And a number that is part of a
 * name ("Boeing 737", "Route 9") is no figure at all (readFigures). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const PORT = storyDeps({
  '01_harbour-gazette.txt': `4 February 2037\n\nFreighter refloated at Caldmouth\n\nThe Kestrel, a 290-metre cargo ship, was refloated at Caldmouth on Tuesday after the repairs took five days.\n\nThe harbour master said the channel would reopen within a week.\n`,
});
const SALVAGE = storyDeps({
  '01_coast-wire.txt': `12 October 2037\n\nGrounded freighter towed clear\n\nThe Orla, a 210-metre-long cargo ship, was towed clear of the Skerrin sandbank on Sunday. The salvage took two weeks.\n`,
});
const RIVER = storyDeps({
  '01_valley-times.txt': `9 May 2038\n\nFerry service resumes on the Ondra\n\nThe Ondra crossing reopened on Friday. The bridge, which is 1.2 kilometres long, had been closed for three weeks while divers inspected its piers.\n`,
});

describe('how long is a made thing', () => {
  it('the ship: its length, not how long the repairs took', async () => {
    const a = await askIn(PORT(), 'how long is the ship');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^290-metre \[\d+\]$/);
    const b = await askIn(PORT(), 'how long did the repairs take');
    expect(b.short?.text ?? '', answerText(b)).toMatch(/^five days \[\d+\]$/);
  }, 60_000);

  it('the boat: the length of the compound it is glued to ("a 210-metre-long cargo ship"), not the salvage', async () => {
    const a = await askIn(SALVAGE(), 'how long is the boat');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^210-metre(?:-long)? \[\d+\]$/);
  }, 60_000);

  it('the bridge: its length, not how long it was closed', async () => {
    const a = await askIn(RIVER(), 'how long is the bridge');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^1\.2 kilometres(?: long)? \[\d+\]$/);
    const b = await askIn(RIVER(), 'how long was the bridge closed');
    expect(b.short?.text ?? '', answerText(b)).toMatch(/^three weeks \[\d+\]$/);
  }, 60_000);
});

describe('a number in a name is no figure', () => {
  it('"Boeing 737", "Route 9" and "Apollo 11" are names; counts beside them stay counts', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind]);
    expect(read('The carrier will return its Boeing 737 MAX 9 aircraft to service on Friday.')).toEqual([]);
    expect(read('Traffic on Route 9 was diverted for 12 hours.')).toEqual([['12 hours', 'duration']]);
    expect(read('The crew of Apollo 11 landed in 1969.')).toEqual([['1969', 'year']]);
    // A headline set in title case keeps its counts ("Cancels 3,500 Flights").
    expect(read('Delta Cancels 3,500 Flights')).toEqual([['3,500', 'number']]);
    expect(read('In July 2018, 12 boys were trapped.')).toEqual([
      ['2018', 'year'],
      ['12', 'count'],
    ]);
  });
});
