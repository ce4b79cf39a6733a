/**
 * "A day and a half", "two and a half hours", "three miles and a half": a whole number of units and half of one more is a
 * measure (1.5 days, 2.5 hours), and answers "how long …" / "how far …". It was read as nothing ("a day" alone is no figure)
 * or as the bare number before "and a half". A figure asked with nothing but a verb to say what it measures ("how many days
 * of mourning") is in the sentence stating that verb, not the one beside it. Stories written here: a stranded ferry, a
 * mountain search.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FERRY: Record<string, string> = {
  '01_harbour-post.txt': `4 March 2039\n\nFerry stranded off Kellan Point\n\nThe ferry Marisol lost power off Kellan Point on Sunday evening.\n\nMourners gathered at the pier for the deckhand who drowned. Its 140 passengers had waited a day and a half for a tug to reach them, the operator said.\n\nAll were brought ashore on Tuesday morning.\n`,
};
const SEARCH: Record<string, string> = {
  '01_valley-times.txt': `9 August 2039\n\nMissing climber found\n\nA climber missing on Mount Aldren was found alive on Friday.\n\nHer family prayed at the chapel in Corrow. Volunteers searched for two and a half hours before a drone spotted her on a ledge.\n\nShe was flown to Corrow hospital.\n`,
};
const ferry = storyDeps(FERRY);
const search = storyDeps(SEARCH);

describe('"and a half" measures', () => {
  it('reads a unit and a half, and a number and a half units', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.kind, f.text, f.value]);
    expect(read('They waited a day and a half.')).toEqual([['duration', 'a day and a half', 1.5]]);
    expect(read('They searched for two and a half hours.')).toEqual([['duration', 'two and a half hours', 2.5]]);
    expect(read('The trail runs three miles and a half.')).toEqual([['distance', 'three miles and a half', 3.5]]);
    expect(read('He served 12 and a half years.')).toEqual([['duration', '12 and a half years', 12.5]]);
  });
  it('"how long did the passengers wait" is a day and a half (ferry)', async () => {
    const a = await askIn(ferry(), 'how long did the passengers wait for the tug');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^a day and a half \[\d+\]$/);
  }, 60_000);
  it('"how long did volunteers search" is two and a half hours (climber)', async () => {
    const a = await askIn(search(), 'how long did the volunteers search');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^two and a half hours \[\d+\]$/);
  }, 60_000);
  it('"how many days of mourning" is not the wait told beside the mourners (ferry)', async () => {
    const a = await askIn(ferry(), 'how many days of mourning did they declare');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
  it('"how many hours did they pray" is not the search told beside the prayer (climber)', async () => {
    const a = await askIn(search(), 'how many hours did they pray');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
