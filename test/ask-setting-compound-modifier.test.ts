/**
 * "the morning fire", where the fire is the story's setting (written in so many passages that it is not required): the
 * noun before it only says which fire, and alone ("… and Wednesday morning") it says nothing of what is asked. It holds
 * only in a sentence that writes the fire too. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

/** Paragraphs of a story whose every other passage names its event, so that the event's noun is its setting. */
const about = (event: string, places: string[]) => places.map((p, i) => (i % 2 ? `Crews worked near ${p} through the day.` : `The ${event} reached ${p}, officials said.`)).join('\n\n');

describe('a wildfire story: a time beside "Wednesday morning" is no time of the morning fire', () => {
  const places = ['Alder Road', 'the mill', 'Birch Lane', 'the school', 'Cove Street', 'the depot', 'Dell Hill', 'the church', 'Elm Park', 'the pier', 'Fern Bay', 'the library'];
  const deps = storyDeps({
    '01_fire-news.txt': `11 August 2031\n\nPelora burns\n\n${about('fire', places)}\n\nReports from the harbour at around 5:45 p.m. said up to 40 people were waiting on the pier. The harbour boats carried 12 people to safety between Tuesday evening and Wednesday morning.\n`,
    '02_fire-more.txt': `12 August 2031\n\nPelora counts losses\n\n${about('fire', places.map((p) => `${p} east`))}\n`,
  });

  it('"what time did the morning fire start" is refused', async () => {
    const a = await askIn(deps(), 'what time did the morning fire start');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('5:45');
  }, 60_000);
});

describe('a flood story: a time beside "Saturday night" is no time of the night flood', () => {
  const places = ['the weir', 'Mill Lane', 'the bridge', 'Kiln Street', 'the farm', 'Low Road', 'the church', 'Brook Row', 'the park', 'Ash Close', 'the quay', 'Oak Way'];
  const deps = storyDeps({
    '01_flood-news.txt': `3 September 2032\n\nDunmore under water\n\n${about('flood', places)}\n\nCallers reported at about 9:10 p.m. that cattle were loose on the road. Farmers moved 200 cattle between Friday evening and Saturday night.\n`,
    '02_flood-more.txt': `4 September 2032\n\nDunmore cleans up\n\n${about('flood', places.map((p) => `${p} north`))}\n`,
  });

  it('"what time did the night flood start" is refused', async () => {
    const a = await askIn(deps(), 'what time did the night flood start');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('9:10');
  }, 60_000);
});
