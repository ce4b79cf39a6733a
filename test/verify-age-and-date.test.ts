/**
 * /verify judges a claim that gives an age and a date part by part (issue #12: "a compound claim is judged part by
 * part"). Found by the dates consistency check on a held-out real-news corpus: "X, 17, … spoke on 27 November" was
 * called supported because the age agreed — the date, three weeks off what the timeline gives the sentence, was never
 * read. The age agreeing now leaves the date to the whole claim's reading; an age the articles contradict still decides.
 * Two invented stories (a festival crush witness; a hospital death a lawyer confirms).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FESTIVAL: Record<string, string> = {
  '01_city-wire.txt': `Crowd surge at Harlow Fields festival

6 November 2021

“It was like a wall falling on us,” said Dana Holt, 17, who still wore her festival wristband as she spoke Saturday morning.

Organizers cancelled the second night of the Harlow Fields festival.
`,
  '02_valley-times.txt': `Harlow Fields review ordered

8 November 2021

The county ordered a review of crowd control at the Harlow Fields festival on Monday.
`,
};

const HOSPITAL: Record<string, string> = {
  '01_gazette.txt': `Boy hurt at speedway dies

15 November 2021

The family's lawyer, Omar Fenn, confirmed the 9-year-old boy died at Corrow General Hospital on November 14.

The boy had been in a coma since the Brannock speedway stand collapsed.
`,
  '02_herald.txt': `Speedway inquiry opens

16 November 2021

An inquiry into the Brannock speedway stand collapse opened on Tuesday.
`,
};

const festival = storyDeps(FESTIVAL);
const hospital = storyDeps(HOSPITAL);
const verify = async (deps: ReturnType<typeof festival>, claim: string) => runCommand(deps, { command: 'verify', text: claim }) as Promise<{ verdict?: string }>;

describe('a claim giving an age and a date is judged part by part', () => {
  it('the age and the date both as the articles give them: supported', async () => {
    const a = await verify(festival(), '“It was like a wall falling on us,” said Dana Holt, 17, who still wore her festival wristband as she spoke on 6 November 2021.');
    expect(a.verdict, answerText(a as never)).toBe('supported');
    const b = await verify(hospital(), "The family's lawyer, Omar Fenn, confirmed the 9-year-old boy died at Corrow General Hospital on 14 November 2021.");
    expect(b.verdict, answerText(b as never)).toBe('supported');
  }, 60_000);

  it('the age right but the date weeks off: not supported', async () => {
    const a = await verify(festival(), '“It was like a wall falling on us,” said Dana Holt, 17, who still wore her festival wristband as she spoke on 27 November 2021.');
    expect(a.verdict, answerText(a as never)).toBe('contradicted');
    const b = await verify(hospital(), "The family's lawyer, Omar Fenn, confirmed the 9-year-old boy died at Corrow General Hospital on 5 December 2021.");
    expect(b.verdict, answerText(b as never)).toBe('contradicted');
  }, 60_000);

  it('the age wrong: contradicted by the age, whatever the date', async () => {
    const a = await verify(festival(), 'Dana Holt, 19, spoke on 6 November 2021.');
    expect(a.verdict, answerText(a as never)).toBe('contradicted');
    expect(answerText(a as never)).toMatch(/age as 17/);
  }, 60_000);
});
