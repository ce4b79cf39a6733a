/**
 * A word cut short is the word itself: "quake" for "earthquake", "sub" for "submarine" — WordNet lists them as synonyms
 * in the word's main sense, and one is the other's start or end. They were weighed as any synonym (0.6), so a question
 * saying "quake" ranked every "quake" sentence above the "earthquake" sentence that answers it. Stories written here:
 * an earthquake in a hill town, a stranded research submarine.
 */
import { describe, expect, it } from 'vitest';
import { expandQuery } from '../src/analysis/relations.js';
import { analysisOf } from '../src/analysis/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const QUAKE: Record<string, string> = {
  '01_valley-herald.txt': `2 May 2041\n\nQuake shakes Torvane\n\nThe quake struck the hill town of Torvane, 140 kilometres north of the port of Alsey, shortly after dawn. Roads into the valley were closed.\n\nResidents said the quake was the strongest they had felt. Many slept outside.\n\nRescue crews arrived from Alsey by noon. The national seismic office said the earthquake struck at a depth of about 12 kilometres.\n\nAt least 30 homes collapsed. Schools will stay shut this week.\n`,
};
const SUB: Record<string, string> = {
  '01_coast-journal.txt': `19 October 2041\n\nResearch sub stranded\n\nThe sub lost power 60 miles off Cape Merrow on Tuesday, its operator said. Its crew of four is unhurt.\n\nThe sub has air for three days. Relatives gathered in Merrow.\n\nA salvage ship left Merrow harbour overnight. Navy divers said the submarine was resting at a depth of 250 metres.\n\nWeather in the area is calm. Winds are light.\n`,
};
const quake = storyDeps(QUAKE);
const sub = storyDeps(SUB);

describe('a synonym that is the word cut short stands as the word', () => {
  it('weighs "earthquake" as "quake" itself, not as a near word (quake)', () => {
    const terms = expandQuery(analysisOf(quake()), ['quake']).terms;
    expect(terms.find((t) => t.lemma === 'earthquake')?.weight).toBe(1);
  });
  it('"how deep was the quake" is the earthquake\'s depth, not the town\'s distance (quake)', async () => {
    const a = await askIn(quake(), 'how deep was the quake');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^about 12 kilometres \[\d+\]$/);
  }, 60_000);
  it('"how deep is the sub" is the submarine\'s depth, not its distance off the cape (submarine)', async () => {
    const a = await askIn(sub(), 'how deep is the sub');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^250 metres \[\d+\]$/);
  }, 60_000);
});
