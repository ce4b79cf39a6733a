/** The one reading of figures: kinds, units, counted nouns, qualifiers and whose age it is. Text written for this test. */
import { describe, expect, it } from 'vitest';
import { inBaseUnit, readFigures, type FigureReading } from '../src/analysis/figures.js';

type Want = Partial<Pick<FigureReading, 'value' | 'valueHi' | 'kind' | 'unit' | 'qualifier' | 'noun' | 'head' | 'holder'>>;

const read = (text: string) => readFigures(text).map((f) => ({ ...f }));

describe('readFigures', () => {
  it.each<[string, Want[]]>([
    ['The storm hit at 8:30 p.m. with winds of 150 mph.', [{ kind: 'clock', value: 8 }, { kind: 'speed', value: 150, unit: 'mph' }]],
    ['By 10 p.m. more than 20,000 evacuees were in shelters.', [{ kind: 'clock', value: 10 }, { kind: 'count', value: 20000, qualifier: 'more than', noun: 'evacuees', head: 'evacuee' }]],
    ['About 120,000 power outages and 3,000 water outages were reported.', [{ kind: 'count', value: 120000, qualifier: 'about', noun: 'power outages' }, { kind: 'count', value: 3000, noun: 'water outages' }]],
    ['The town of 5,000 people lost its bridge.', [{ kind: 'count', value: 5000, noun: 'people' }]],
    ['Mara Velden, 68, runs the ferry; her nephew Tomas, 19, steers.', [{ kind: 'age', value: 68, holder: 'Mara Velden' }, { kind: 'age', value: 19, holder: 'Tomas' }]],
    ['The pupils, aged 11 to 16, went in with their 25-year-old coach.', [{ kind: 'age', value: 11, valueHi: 16, holder: 'pupils' }, { kind: 'age', value: 25, holder: 'coach' }]],
    ['The 25 crew are safe. The crew of 20 stayed aboard.', [{ kind: 'count', value: 25, head: 'crew' }, { kind: 'count', value: 20, head: 'crew' }]],
    ['The probe can reach depths of 6,000 meters (19,685 feet).', [{ kind: 'depth', value: 6000, unit: 'm' }, { kind: 'depth', value: 19685, unit: 'feet' }]],
    ['The barge weighed 10,432kg and sailed at three knots.', [{ kind: 'weight', value: 10432, unit: 'kg' }, { kind: 'speed', value: 3, unit: 'knots' }]],
    ['The port demanded $916 million, later $550m.', [{ kind: 'money', value: 916e6, unit: '$' }, { kind: 'money', value: 550e6, unit: '$' }]],
    ['The 400-metre-long ship, built in 2018, was freed on March 29.', [{ kind: 'length', value: 400, unit: 'm' }, { kind: 'year', value: 2018 }, { kind: 'date', value: 29 }]],
    ['Twelve boys and a dozen divers; at least 61 people were hurt.', [{ kind: 'count', value: 12, noun: 'boys' }, { kind: 'count', value: 12, noun: 'divers' }, { kind: 'count', value: 61, qualifier: 'at least', noun: 'people' }]],
    ['The canal is six miles long and 2km from the town; 12 percent of staff left.', [{ kind: 'length', value: 6, unit: 'miles' }, { kind: 'distance', value: 2, unit: 'km' }, { kind: 'percent', value: 12 }]],
    ['Four of the boys came out; they had 96 hours of air.', [{ kind: 'count', value: 4, head: 'boy' }, { kind: 'duration', value: 96, unit: 'hours' }]],
    ['No one knew. One of them spoke.', []],
    ['The number of evacuees rose to 26,000 on Monday.', [{ kind: 'count', value: 26000, noun: 'evacuees' }]],
    ['Three Orrin Mk-4 aircraft and two Coast Guard cutters joined.', [{ kind: 'count', value: 3, head: 'aircraft' }, { kind: 'count', value: 2, noun: 'coast guard cutters', head: 'cutter' }]],
  ])('%s', (text, want) => {
    const got = read(text);
    expect(got.length, JSON.stringify(got.map((f) => f.text))).toBe(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });

  it('clock times and years are never counts of people', () => {
    const kinds = read('At 10 p.m. in 2019, 300 people left; by 11:45pm 2,000 had.').map((f) => f.kind);
    expect(kinds).toEqual(['clock', 'year', 'count', 'clock', 'number']);
  });

  it('a place or month before a number gives no age', () => {
    expect(read('In March, 12 ships waited.').map((f) => f.kind)).toEqual(['count']);
  });

  it('lengths in different units compare in one base unit', () => {
    const [miles] = read('It lay 5 miles away.');
    const [feet] = read('It lay 1,600 feet away.');
    expect(inBaseUnit(miles!).value).toBeGreaterThan(inBaseUnit(feet!).value * 10);
  });
});
