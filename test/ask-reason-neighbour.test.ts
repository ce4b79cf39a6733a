/**
 * "Why is the library closed?": a cause written in the sentence beside the answer's, one that names nothing the question
 * asks about ("The bridge repairs sparked anger among commuters"), explains something else — it is no answer, however
 * plainly it is a cause. Stories written here: a library, a ferry timetable.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const LIBRARY: Record<string, string> = {
  '01_linden-gazette.txt': `14 July 2038\n\nSummer in Linden\n\nThe bridge repairs on Mill Road sparked anger among commuters.\n\nThe Linden library on Harbour Street has been closed to readers, staff and visiting school groups for the whole of the summer while a burst pipe is repaired.\n\nThe pool opens on Saturday.\n`,
};
const FERRY: Record<string, string> = {
  '01_isles-weekly.txt': `2 August 2038\n\nTimetable changes\n\nHeavy rain on Tuesday caused flooding in the lower town.\n\nThe morning ferry to Inchmore has been cancelled on each of the last four weekdays and most of the coming weekend after a crew shortage.\n\nBuses run as normal.\n`,
};
const library = storyDeps(LIBRARY);
const ferry = storyDeps(FERRY);

describe('a neighbour that names nothing asked gives no reason', () => {
  it('the burst pipe, not the bridge repairs (library)', async () => {
    const a = await askIn(library(), 'why is the library closed');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^while a burst pipe is repaired \[\d+\]$/);
  }, 60_000);

  it('the crew shortage, not the rain (ferry)', async () => {
    const a = await askIn(ferry(), 'why was the ferry cancelled');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^after a crew shortage \[\d+\]$/);
  }, 60_000);
});
