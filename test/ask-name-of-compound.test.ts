/**
 * "what was the name of the train conductor": the compound's last noun is who is named ("conductor", a person), the
 * words before it only say which one. An organisation written beside "train" names no conductor. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a rail story: an agency is no name of the train conductor', () => {
  const deps = storyDeps({
    '01_rail-news.txt': `5 February 2031\n\nFreight train derails near Hollin\n\nA freight train derailed near Hollin on Friday, and the train conductor was not hurt. According to the RSB, the three detectors caught an overheated axle and provided warnings to the crew of the train.\n\nThe RSB is the federal rail safety agency. The RSB said its report will come in March.\n`,
  });

  it('"what was the name of the train conductor" is refused', async () => {
    const a = await askIn(deps(), 'what was the name of the train conductor');
    expect(a.answered, answerText(a)).toBe(false);
    expect(a.short?.text ?? '').not.toContain('RSB');
  }, 60_000);
});

describe('a mine story: an agency is no name of the mine foreman', () => {
  const deps = storyDeps({
    '01_mine-news.txt': `9 March 2032\n\nRoof fall at Kell mine\n\nPart of a tunnel roof fell at the Kell mine on Monday, and the mine foreman was not hurt. According to the MSB, the two sensors picked up the strain and sent warnings to the crew of the mine.\n\nThe MSB is the state mine safety agency. The MSB said its report will come in May.\n`,
  });

  it('"what was the name of the mine foreman" is refused', async () => {
    const a = await askIn(deps(), 'what was the name of the mine foreman');
    expect(a.answered, answerText(a)).toBe(false);
    expect(a.short?.text ?? '').not.toContain('MSB');
  }, 60_000);
});

describe('a ferry story: the ferry captain is named, an agency is not him', () => {
  const deps = storyDeps({
    '01_ferry-news.txt': `9 July 2032\n\nFerry grounds off Skarra\n\nThe ferry Alda ran aground off Skarra on Sunday. The Maritime Authority said the ferry captain, Jonas Pell, steered the vessel onto a sandbank to save it. Nobody was hurt.\n`,
  });

  it('"what was the name of the ferry captain" names the captain', async () => {
    const a = await askIn(deps(), 'what was the name of the ferry captain');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '').toContain('Jonas Pell');
  }, 60_000);
});
