/**
 * One fact, one answer for a measure of a named thing: "how long is the Merrow Star" is a length — the name is a ship's
 * (the articles call it one), so a span of time in the same story is no answer — and the length glued to the noun the
 * articles call it by ("a 240-metre-long container ship") is the ship's. /verify asks the claim as that question
 * ("The Merrow Star is about 150 metres long" → "How long is the Merrow Star?") and judges it by /ask's answer. Stories
 * written here: a ship and an aircraft.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const PIER = storyDeps({
  '01_port-daily.txt': `6 June 2039\n\nShip strikes Holm pier\n\nThe Merrow Star, a 240-metre-long container ship, struck the Holm pier on Monday. Power failed for 40 seconds before the crash, investigators said.\n`,
});
const AIRFIELD = storyDeps({
  '01_air-news.txt': `2 July 2039\n\nAirliner leaves the runway at Fenby\n\nThe Skylark, a 70-metre-long cargo jet, ran off the Fenby runway on Sunday. The runway was closed for six hours.\n`,
});
const verify = (deps: ReturnType<typeof PIER>, claim: string) => runCommand(deps, { command: 'verify', text: claim }) as Promise<{ verdict?: string; blocks: { text: string }[] }>;

describe('a measure of a named thing', () => {
  it('the ship: /ask gives its length, /verify judges claims of it by that answer', async () => {
    const a = await askIn(PIER(), 'how long is the Merrow Star');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^240-metre(?:-long)? \[\d+\]$/);
    const wrong = await verify(PIER(), 'The Merrow Star is about 150 metres long');
    expect(wrong.verdict, answerText(wrong)).toBe('contradicted');
    const right = await verify(PIER(), 'The Merrow Star is 240 metres long');
    expect(right.verdict, answerText(right)).toBe('supported');
  }, 60_000);

  it('the aircraft: its length, not how long the runway was closed', async () => {
    const a = await askIn(AIRFIELD(), 'how long is the Skylark');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^70-metre(?:-long)? \[\d+\]$/);
    const b = await askIn(AIRFIELD(), 'how long was the runway closed');
    expect(b.short?.text ?? '', answerText(b)).toMatch(/^six hours \[\d+\]$/);
  }, 60_000);
});
