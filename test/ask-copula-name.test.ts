/**
 * "Who was the youngest victim?" — "Mira was the youngest victim killed in the flood that also injured dozens.: the noun a copula gives a name as its
 * subject says what the name is, as an apposition ("Mira, the youngest victim,") or a title ("victim Mira") does.
 * Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FLOOD = storyDeps({
  '01_river-times.txt': `14 April 2043\n\nFlood victims named\n\nThe county named the four people who died in the Tenby Creek flood on Saturday.\n\nHer school said Mira Calloway, 7, loved to draw. Mira was the youngest victim killed in the flood that also injured dozens.\n\nDaniel Osk, a bus driver, helped dozens of passengers to safety.\n`,
});

describe('a name and the noun after its copula', () => {
  it('"who was the youngest victim" → the name that was the youngest victim', async () => {
    const a = await askIn(FLOOD(), 'who was the youngest victim');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Mira(?: Calloway)? \[\d+\]$/);
  }, 60_000);

  it('the subject of another verb is not what the noun says ("Daniel Osk … helped" is no victim)', async () => {
    const a = await askIn(FLOOD(), 'who was the bus driver');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Daniel Osk \[\d+\]$/);
  }, 60_000);
});
