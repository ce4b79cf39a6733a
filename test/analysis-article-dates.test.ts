/**
 * When an article without a date line was written, from its own text: the latest full
 * date it tells of the past is a lower bound; a date given with its weekday, when the
 * article also names that weekday alone, fixes it to the week after; a month-day with its
 * weekday takes the year in which that day is that weekday; the story's dates (dated
 * articles, else those lower bounds) give a year to a month or month-day. Sentences
 * written for this test (an invented harbour and lock).
 */
import { describe, expect, it } from 'vitest';
import { articleDateEvidence, boundWindow, selfWindow, storyDates, storyMonthYear, storyYear, weekdayYear } from '../src/analysis/article-dates.js';
import { findDateMentions, parseYmd, ymdToIso } from '../src/index/dates.js';
import type { Article, Sentence } from '../src/types.js';

const ymd = (s: string) => parseYmd(s)!;

/** The article's sentences as the timeline reads them. */
function mentions(...texts: string[]) {
  return texts.flatMap((text, i) => {
    const sentence = { id: `a:${i}`, articleId: 'a', paragraph: i, index: i, start: 0, end: text.length, text } as Sentence;
    return findDateMentions(text).map((mention) => ({ sentence, mention }));
  });
}

describe('what an undated article says about when it was written', () => {
  it.each([
    // [sentences, latest full date told of the past (lower bound)]
    [['The barge ran aground on March 3, 2025.', 'The lock reopened on March 12, 2025.'], '2025-03-12'],
    [['The lock opened on June 1, 1961.', 'The gate jammed on March 3, 2025.'], '2025-03-03'],
    // A date still to come bounds nothing.
    [['The gate jammed on March 3, 2025.', 'Repairs will be finished by May 30, 2025.'], '2025-03-03'],
    [['The gate jammed on Tuesday.', 'It reopened on March 12.'], null], // no year given: no bound
  ])('%j → %s', (texts, bound) => {
    const ev = articleDateEvidence(mentions(...texts));
    expect(ev.notBefore ? ymdToIso(ev.notBefore.date) : null).toBe(bound);
  });

  it.each([
    // [sentences, story dates, the weekday dates it gives]
    [['Tugs pull the barge free, Monday, March 17, 2025.'], [], ['2025-03-17']],
    [['The barge ran aground on Sunday, March 16, when the wind rose.'], ['2025-03-20'], ['2025-03-16']],
    // A weekday that is not that day's is no weekday date; nor is a month-day without a story to take a year from.
    [['Tugs pull the barge free, Tuesday, March 17, 2025.'], [], []],
    [['The barge ran aground on Sunday, March 16, when the wind rose.'], [], []],
  ])('%j (story %j) → %j', (texts, story, want) => {
    const ev = articleDateEvidence(mentions(...texts), story.map(ymd));
    expect(ev.weekdayDates.map((w) => ymdToIso(w.date))).toEqual(want);
  });

  it.each([
    // [sentences, window]
    [['Tugs pull the barge free, Monday, March 17, 2025.', 'The harbour master said Monday the lock would reopen.'], ['2025-03-17', '2025-03-23']],
    // The weekday is never named alone: the caption may be older than the text.
    [['Tugs pull the barge free, Monday, March 17, 2025.', 'The harbour master said Friday the lock would reopen.'], null],
  ])('%j → window %j', (texts, want) => {
    const w = selfWindow({ id: 'a' } as Article, articleDateEvidence(mentions(...texts)));
    expect(w ? [ymdToIso(w.lo), ymdToIso(w.hi)] : null).toEqual(want);
  });

  it('bounds a window by the latest day the article tells of', () => {
    const w = { lo: ymd('2025-03-10'), hi: ymd('2025-03-16'), reason: '' };
    expect(boundWindow(w, ymd('2025-03-12'))).toMatchObject({ lo: ymd('2025-03-12'), hi: ymd('2025-03-16') });
    expect(boundWindow(w, ymd('2025-03-20'))).toBeNull();
    expect(boundWindow(w, null)).toBe(w);
  });
});

describe('the story’s span gives years to months and month-days', () => {
  it('leaves out a history far older than the rest', () => {
    expect(storyDates([], ['2025-03-12', '1961-06-01', '2025-04-02'].map(ymd)).map(ymdToIso)).toEqual(['2025-03-12', '2025-04-02']);
    expect(storyDates([ymd('2025-03-20')], [ymd('1961-06-01')]).map(ymdToIso)).toEqual(['2025-03-20']);
  });

  it.each([
    // [month, day, story dates, year]
    [3, 11, ['2025-03-12', '2025-05-20'], 2025],
    [12, 30, ['2025-01-06', '2025-03-15'], 2024],
    [3, 11, [], null],
  ])('%i/%i in a story of %j → %s', (m, d, refs, want) => {
    expect(storyYear(m, d, refs.map(ymd))).toBe(want);
  });

  it.each([
    [2, ['2025-03-12', '2025-06-12'], 2025],
    [10, ['2025-03-12', '2025-06-12'], 2024], // half a year before the first date
    [6, ['2025-01-12', '2025-03-12'], null], // June: outside the span either year
  ])('month %i in a story of %j → %s', (m, refs, want) => {
    expect(storyMonthYear(m, refs.map(ymd))).toBe(want);
  });

  it.each([
    [3, 16, 0, ['2025-03-20'], 2025], // Sunday 16 March 2025
    [7, 9, 1, ['2025-07-01'], null], // 9 July is no Monday in 2024–2026
    [3, 16, 0, [], null],
  ])('%i/%i on weekday %i near %j → %s', (m, d, wd, refs, want) => {
    expect(weekdayYear(m, d, wd, refs.map(ymd))).toBe(want);
  });
});
