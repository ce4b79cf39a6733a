/**
 * "What did the Delta kiosk screen say?": a name that modifies a thing ("the Harwell departure board", "the Vantor
 * dashboard") is not who spoke — the thing is, and a sentence quoting what it read answers. A name asked alone still
 * wants that name's own words. Stories written here: a station's board, a car's dashboard.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const STATION: Record<string, string> = {
  '01_rail-weekly.txt': `14 January 2039\n\nSignal failure strands commuters\n\nA Harwell Rail departure board displayed a message that read "All services suspended until further notice" as commuters waited at Brackley station on Monday.\n\nHarwell Rail said engineers were working on the signals.\n\nServices resumed at 11am.\n`,
  '02_town-echo.txt': `15 January 2039\n\nCommuters angry at delays\n\nHarwell Rail apologised on Tuesday for the disruption.\n\nThe company said refunds would be offered.\n`,
};
const CAR: Record<string, string> = {
  '01_motor-desk.txt': `3 May 2039\n\nRecall after dashboard fault\n\nA Vantor Motors dashboard displays the warning "Brake fault: stop safely" in a photo an owner posted on Wednesday.\n\nVantor Motors recalled 12,000 cars on Thursday.\n\nVantor Motors said a software update would fix the fault.\n`,
  '02_drive-news.txt': `4 May 2039\n\nOwners wait for fix\n\nVantor Motors said on Friday that the update would reach every car within a week.\n\nDealers reported long queues.\n`,
};
const station = storyDeps(STATION);
const car = storyDeps(CAR);

describe('a thing a name modifies is what spoke', () => {
  it('the departure board (station)', async () => {
    const a = await askIn(station(), 'what did the harwell rail departure board say');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('All services suspended until further notice');
  }, 60_000);

  it('the dashboard (car)', async () => {
    const a = await askIn(car(), 'what did the vantor motors dashboard say');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('Brake fault: stop safely');
  }, 60_000);

  it('the company alone still wants its own words (car)', async () => {
    const a = await askIn(car(), 'what did vantor motors say');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('a software update would fix the fault');
  }, 60_000);
});
