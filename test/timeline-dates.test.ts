/**
 * Date expressions resolved against a publication date: weekdays, months with
 * and without "last", year boundaries, abbreviations with a dot, day-first dotted
 * dates, background years, and words that only look like dates.
 */
import { describe, expect, it } from 'vitest';
import { findDateMentions, parseYmd, resolveMention, describeUnresolved } from '../src/index/dates.js';

/** Resolve the first date expression of `text` as if published on `pub`. */
function resolve(text: string, pub: string | null) {
  const m = findDateMentions(text)[0];
  if (!m) return undefined;
  return resolveMention(m, pub ? parseYmd(pub) : null);
}

describe('relative dates', () => {
  it('resolves a weekday to the most recent one before publication', () => {
    // Sunday 2 November 2025
    expect(resolve('Trump on Friday told reporters', '2025-11-02')).toEqual({ date: '2025-10-31', precision: 'day' });
    expect(resolve('Maduro confirmed on Monday that', '2025-11-02')).toEqual({ date: '2025-10-27', precision: 'day' });
    // The same weekday as publication is that day; "last Sunday" is a week back.
    expect(resolve('He spoke on Sunday.', '2025-11-02')).toEqual({ date: '2025-11-02', precision: 'day' });
    expect(resolve('He spoke last Sunday.', '2025-11-02')).toEqual({ date: '2025-10-26', precision: 'day' });
    // Across a year boundary: Friday 2 January 2026, "on Wednesday" is 31 December 2025.
    expect(resolve('The ministry said on Wednesday', '2026-01-02')).toEqual({ date: '2025-12-31', precision: 'day' });
    // The future tense looks forward.
    expect(resolve('They will meet on Friday.', '2025-11-02')).toEqual({ date: '2025-11-07', precision: 'day' });
  });

  it('resolves month names to the most recent such month', () => {
    expect(resolve('warships to the waters around Venezuela in August, starting', '2025-11-02')).toEqual({ date: '2025-08', precision: 'month' });
    expect(resolve('In December, the council voted.', '2026-01-10')).toEqual({ date: '2025-12', precision: 'month' });
    expect(resolve('the directive, signed last July, has', '2025-11-02')).toEqual({ date: '2025-07', precision: 'month' });
    expect(resolve('the directive, signed last July, has', '2025-07-20')).toEqual({ date: '2024-07', precision: 'month' });
    expect(resolve('a visit by a senior aide this month', '2025-11-02')).toEqual({ date: '2025-11', precision: 'month' });
    expect(resolve('In May 2024 the bridge opened.', '2025-11-02')).toEqual({ date: '2024-05', precision: 'month' });
  });

  it('resolves month and day, with and without an abbreviation dot, across a year boundary', () => {
    expect(resolve('On Oct. 24, Defense Secretary Pete Hegseth ordered', '2025-11-05')).toEqual({ date: '2025-10-24', precision: 'day' });
    expect(resolve('Donald Trump replied on November 2.', '2025-11-05')).toEqual({ date: '2025-11-02', precision: 'day' });
    expect(resolve('On Dec. 30, the plant closed.', '2026-01-03')).toEqual({ date: '2025-12-30', precision: 'day' });
    expect(resolve('Sept. 3 was the first strike.', '2025-11-05')).toEqual({ date: '2025-09-03', precision: 'day' });
  });

  it('reads dotted numeric dates day-first', () => {
    expect(resolve('Published 5.11.2025, 05:06', null)).toEqual({ date: '2025-11-05', precision: 'day' });
    expect(resolve('The vote on 03.02.2024 failed.', null)).toEqual({ date: '2024-02-03', precision: 'day' });
    expect(resolve('Due 31.12.2025.', null)).toEqual({ date: '2025-12-31', precision: 'day' });
  });

  it('keeps relative dates unresolved without a publication date, and says what is missing', () => {
    const tue = findDateMentions('On Tuesday afternoon, Donald Trump laid down the gauntlet.')[0]!;
    expect(resolveMention(tue, null)).toBeNull();
    expect(describeUnresolved(tue)).toBe('a Tuesday, date not given');
    const july = findDateMentions('signed last July, has')[0]!;
    expect(resolveMention(july, null)).toBeNull();
    expect(describeUnresolved(july)).toBe('the previous July, year not given');
    const oct = findDateMentions('On Oct. 24, he ordered')[0]!;
    expect(describeUnresolved(oct)).toBe('24 October, year not given');
    const week = findDateMentions('Flynn suggested last week that')[0]!;
    expect(resolveMention(week, parseYmd('2025-11-02'))).toBeNull();
  });

  it('treats bare years as background years', () => {
    const m = findDateMentions('"The last time an American aircraft carrier took part was in 1983."')[0]!;
    expect(m).toMatchObject({ kind: 'year', year: 1983 });
    expect(resolveMention(m, null)).toEqual({ date: '1983', precision: 'year' });
    expect(findDateMentions('the longtime U.S. diplomat for Venezuela from 2018–2023, said')[0]).toMatchObject({ kind: 'year', year: 2018, yearTo: 2023 });
  });

  it.each([
    // Years before 1500 are years too, after the same cue words; a number followed by a noun counts it.
    ['The oak beams came from trees cut down between 1160 and 1170, records show.', [1160, 1170]],
    ['The stained glass that dates back to 1250 was not damaged.', [1250]],
    ['The tower was finished in 1345.', [1345]],
    ['Power was restored to 1200 homes by noon.', []],
    ['Traffic rose from 1100 barges to 1400 barges.', []],
  ])('finds medieval years: %j', (text, years) => {
    expect(findDateMentions(text).filter((m) => m.kind === 'year').map((m) => m.year)).toEqual(years);
  });

  it('ignores words and numbers that only look like dates', () => {
    for (const t of [
      'defense items which may have already been negotiated',
      'they march on the capital',
      'roughly 4,500 troops and 2025 tons of cargo',
      'a $2024 fee',
      'over the past two weeks on show of force missions',
      'for the last 50 years',
      'there is no need for it at the moment',
      'You can knock out a South American government in a weekend with that.',
      'seven warships carrying 4,500 troops',
    ]) {
      expect(findDateMentions(t), t).toEqual([]);
    }
  });

  it('survives hostile text', () => {
    for (const t of ['', ' '.repeat(5000), '🙂'.repeat(500), '(((((((((', 'Friday'.repeat(1000), '\u0000\uFFFF', '31.31.2025 and 00.00.0000']) {
      expect(() => findDateMentions(t)).not.toThrow();
    }
    expect(findDateMentions('31.31.2025')).toEqual([]);
  });
});
