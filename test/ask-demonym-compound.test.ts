/**
 * "Where are the hackers from?" — "Corvid, a Russian-based hacker group": a nationality hyphened to a participle
 * ("Russian-based", "Danish-owned") is the nationality of what follows all the same, as "an all-Indian crew" is.
 * A story written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const HACK = storyDeps({
  '01_wire-desk.txt': `3 June 2045\n\nPort systems hit by ransomware\n\nThe port of Calder shut its cargo systems on Tuesday after a ransomware attack. Investigators blamed Corvid, a Russian-based hacker group, for the attack.\n\nThe ships in port had an all-Indian crew, the harbour master said.\n`,
});

describe('a nationality in a hyphened compound', () => {
  it('"Russian-based hacker group" says where the hackers are from', async () => {
    const a = await askIn(HACK(), 'where are the hackers from');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Russian \[\d+\]$/);
  }, 60_000);

  it('"an all-Indian crew" still reads as written', async () => {
    const a = await askIn(HACK(), 'where is the crew from');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^all-Indian \[\d+\]$/);
  }, 60_000);
});
