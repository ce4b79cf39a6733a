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

  it.each([
    // chrono merges a part of the day written before a date into one result that states no date.
    ['Afternoon, March 25: the barge lost power.', 'March 25', { month: 3, day: 25 }],
    ['On the evening of April 15, 2019, the roof burned.', 'April 15, 2019', { year: 2019, month: 4, day: 15 }],
    ['Late on the night of Monday, April 15, the spire fell.', 'Monday, April 15', { weekday: 1, month: 4, day: 15 }],
    ['Monday night the ferry sailed.', 'Monday night', { weekday: 1 }], // a weekday is kept as chrono reads it
  ])('keeps the date after a part of the day: %j', (text, phrase, stated) => {
    const [d] = parseDates(text, ref, { timezone: 0 });
    expect(d).toMatchObject({ text: phrase, stated });
    expect(text.slice(d!.index, d!.index + phrase.length)).toBe(phrase);
  });

  it('finds nothing in text without dates', () => {
    expect(parseDates('The ministry said nothing.', ref)).toEqual([]);
  });
});
