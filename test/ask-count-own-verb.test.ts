/**
 * "How many ships sank?": a count bound to a content verb of its own ("some 80 lorries now queuing", "emptied by four
 * firefighters", "fought the blaze with six fire engines", "covers nearly two-thirds of an acre") counts what that verb did. When its sentence never states
 * the question's verb and the verb is not related to it, the count does not answer — and /ask refuses. A count that is
 * the object of another verb ("toppled nine cranes" for "knocked over") is what was done to it, told in other words:
 * it still answers; so does what the counted things did when the question asks what was done to them ("how many fire
 * engines did the city send": they fought the blaze). Two stories written here, a storm at a port and a library fire.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const PORT: Record<string, string> = {
  '01_harbour-news.txt': `3 February 2037\n\nStorm closes Kellby port\n\nThe port of Kellby closed on Tuesday as a storm swept the coast.\n\nWith some 80 lorries now queuing at the gates, the port is close to full, its manager said.\n\nStorm winds toppled nine cranes at the container terminal on Tuesday night.\n`,
  '02_coast-radio.txt': `4 February 2037\n\nKellby port to reopen\n\nThe port of Kellby will reopen on Thursday, its manager said.\n\nThe lorries queuing at the gates will be let in first.\n`,
};
const LIBRARY: Record<string, string> = {
  '01_town-crier.txt': `18 October 2037\n\nFire guts Marlow library\n\nA fire gutted the Marlow town library on Sunday.\n\nThe burning library was emptied by four firefighters before the roof fell in.\n\nCrews fought the blaze with six fire engines from the city.\n\nThe library garden covers nearly two-thirds of an acre.\n\nThe fire destroyed at least 3,000 books, the librarian said.\n`,
};
const port = storyDeps(PORT);
const library = storyDeps(LIBRARY);

describe('a count bound to another verb does not answer', () => {
  it('"some 80 lorries now queuing" is no count of lorries that crashed (port)', async () => {
    const a = await askIn(port(), 'how many lorries crashed');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('"toppled nine cranes" still answers "knocked over" (port)', async () => {
    const a = await askIn(port(), 'how many cranes got knocked over');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^nine cranes \[\d+\]$/);
  }, 60_000);

  it('"emptied by four firefighters" is no count of firefighters the town employs (library)', async () => {
    const a = await askIn(library(), 'how many firefighters does the town employ');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('"fought the blaze with six fire engines" is no count of fire engines the city owns (library)', async () => {
    const a = await askIn(library(), 'how many fire engines does the city own');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('"fought the blaze with six fire engines" still answers what the city sent: what they did was what sending them was for (library)', async () => {
    const a = await askIn(library(), 'how many fire engines did the city send');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^six fire engines \[\d+\]$/);
  }, 60_000);

  it('"covers nearly two-thirds of an acre" measures the garden: no count of acres burned (library)', async () => {
    const a = await askIn(library(), 'how many acres burned');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('"destroyed at least 3,000 books" still answers "burned" (library)', async () => {
    const a = await askIn(library(), 'how many books burned');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^at least 3,000 books \[\d+\]$/);
  }, 60_000);
});
