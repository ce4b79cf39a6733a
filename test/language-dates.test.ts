import { describe, expect, it } from 'vitest';
import { parseDates } from '../src/language/dates.js';

const ref = new Date('2025-03-06T12:00:00Z'); // a Thursday

describe('date facade over chrono', () => {
  it('tells stated parts from implied ones', () => {
    const [d] = parseDates('The talks ended on March 4.', ref, { timezone: 0 });
    expect(d).toMatchObject({ text: 'March 4', stated: { month: 3, day: 4 }, relative: false });
    expect(d!.stated.year).toBeUndefined();
    expect(d!.resolved).toMatchObject({ year: 2025, month: 3, day: 4 });
    expect(d!.index).toBe('The talks ended on '.length);
  });

  it('resolves weekdays backwards unless asked forward', () => {
    const back = parseDates('She spoke on Monday.', ref, { timezone: 0 })[0]!;
    expect(back.stated.weekday).toBe(1);
    expect(back.resolved).toMatchObject({ month: 3, day: 3 });
    const fwd = parseDates('She speaks on Monday.', ref, { timezone: 0, forwardDate: true })[0]!;
    expect(fwd.resolved).toMatchObject({ month: 3, day: 10 });
  });

  it('marks relative dates and gives ranges', () => {
    expect(parseDates('It happened two days ago.', ref, { timezone: 0 })[0]).toMatchObject({ relative: true, resolved: { day: 4 } });
    expect(parseDates('It happened yesterday.', ref, { timezone: 0 })[0]).toMatchObject({ resolved: { day: 5 } });
    const range = parseDates('Flights were cut from March 3 to March 5, 2024.', ref, { timezone: 0 })[0]!;
    expect(range.end).toMatchObject({ year: 2024, month: 3, day: 5 });
  });

  it('finds nothing in text without dates', () => {
    expect(parseDates('The ministry said nothing.', ref)).toEqual([]);
  });
});
