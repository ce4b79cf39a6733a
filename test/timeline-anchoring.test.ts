/**
 * Event dates anchored to the article's own date, by the tense of the clause the
 * date belongs to: reported past looks back (that day or before, never next week),
 * the future looks ahead, a present or conditional to the nearest such day; a
 * month-day takes the article's year; a past-tense date after publication is not
 * kept. Sentences written for this test (an invented canal, port and court).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeUnresolved, findDateMentions, parseYmd, resolveMention } from '../src/index/dates.js';
import { runCommand } from '../src/engines/index.js';
import type { TimelineEvent } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

/** Every date expression of `sentence`, resolved as if published on `pub`. */
function dates(pub: string, sentence: string): (string | null)[] {
  return findDateMentions(sentence).map((m) => resolveMention(m, parseYmd(pub))?.date ?? null);
}

describe('event dates against the article date', () => {
  it.each([
    // [article date (weekday), sentence, expected dates in order]
    ['2021-03-25', 'The canal authority said on Thursday that the ship will be refloated within days.', ['2021-03-25']], // Thu paper, Thu
    ['2021-03-24', 'Officials said Wednesday that traffic would resume once the vessel is moved.', ['2021-03-24']], // Wed paper, Wed
    ['2021-03-28', 'The salvage firm said on Tuesday it will try again on Friday.', ['2021-03-23', '2021-04-02']], // Sun paper
    ['2021-03-25', 'The two sides will meet on Friday.', ['2021-03-26']],
    ['2021-03-24', 'A second tug is expected to arrive on Wednesday.', ['2021-03-24']], // Wed paper: that day, not next week
    ['2021-03-29', 'The ship is expected to sail on Wednesday, officials said on Monday.', ['2021-03-31', '2021-03-29']],
    ['2021-03-25', 'A spokesman told reporters Wednesday the work would resume Thursday.', ['2021-03-24', '2021-03-25']],
    ['2021-03-28', 'The next hearing is on Friday, the court clerk said.', ['2021-04-02']],
    ['2021-03-29', 'The barge was refloated on Monday and is expected to leave the canal on Wednesday.', ['2021-03-29', '2021-03-31']],
    ['2021-03-28', 'He said the pumps, which will run all week, were switched on Saturday.', ['2021-03-27']],
    ['2021-03-26', 'The authority said on Thursday it hoped to refloat the ship by Saturday.', ['2021-03-25', '2021-03-27']], // a plan told in the past
    ['2021-03-26', 'The blockage, which began Tuesday, may last weeks, experts warned Thursday.', ['2021-03-23', '2021-03-25']], // "last" the verb
    ['2021-03-26', 'Traffic is not expected to resume until next week.', [null]], // a span, not a day
    // A month-day takes the article's year, also when the sentence has a future elsewhere.
    ['2020-08-28', 'The council approved the plan on Monday (Aug. 24) and will vote on the budget next month.', ['2020-08-24', '2020-08-24', '2020-09']],
    ['2021-03-29', 'The ship became wedged across the canal on March 23.', ['2021-03-23']],
    ['2021-01-03', 'On Dec. 30, the plant closed.', ['2020-12-30']],
    ['2020-12-20', 'The court will hear the case on Jan. 5.', ['2021-01-05']],
    ['2021-03-26', 'The court will rule on March 30.', ['2021-03-30']],
    // Told in the past, yet after the article's date: not kept.
    ['2021-03-26', 'The ship left port on March 30.', [null]],
    ['2021-07-07', 'It was seized three months ago.', ['2021-04']],
  ])('%s: %j', (pub, sentence, expected) => {
    expect(dates(pub, sentence)).toEqual(expected);
  });

  it.each([
    'Two hours later, two more boys were brought out.',
    'Earlier in the day, debris was brought ashore.',
    'The second diver came out 10 minutes later.',
    'They were found nine days later by two divers.',
    'The ship was moored for three months at the lake.',
    'The team hoped to finish within 24 hours.',
  ])('%j: no date counted from the article (it is counted from another event, or a span)', (sentence) => {
    expect(findDateMentions(sentence)).toEqual([]);
  });

  it('says why a past-tense date after the article is not placed', () => {
    const m = findDateMentions('The ship left port on March 30.')[0]!;
    expect(describeUnresolved(m, parseYmd('2021-03-26'))).toMatch(/after the article's own date/);
  });
});

describe('an undated article placed by a shared event', () => {
  afterAll(cleanupTempDirs);

  it('a future-tense weekday puts the article in the week before the event, not after it', async () => {
    const dir = writeCorpus({
      'a-dated.md': `---\ntitle: Barge freed at Lock Nine\ndate: 2018-07-10\n---\nDivers from the river authority freed the grain barge at Lock Nine on Monday after a long night of pumping water.\n`,
      'b-undated.md': `---\ntitle: Barge still stuck at Lock Nine\n---\nThe river authority said divers will try to free the grain barge at Lock Nine on Monday after pumping water overnight.\n\nCrews inspected the grain barge at Lock Nine on Saturday and found no damage to the hull.\n`,
    });
    const deps = await depsFor(dir);
    const a = await runCommand(deps, { command: 'timeline' });
    const events = (a as { events?: TimelineEvent[] }).events ?? [];
    const saturday = events.find((e) => /inspected/.test(e.text));
    // The undated article tells of Monday 9 July as still to come: it was written 2–8 July (not 9–15 July),
    // so its Saturday is 30 June or 7 July. Read on 2–6 July, its days would be 30 June and 9 July; read on the
    // weekend, 7 and 9 July: the closer reading is taken, marked inferred, and the answer's notes give the window.
    expect(saturday).toMatchObject({ date: '2018-07-07', note: 'date inferred' });
    expect((a.notes ?? []).join(' ')).toContain('2–8 July 2018');
    expect(events.some((e) => e.date && e.date > '2018-07-10')).toBe(false);
  });

  it('gives a month-day in an undated article the one year that fits the story\'s dated articles', async () => {
    const dir = writeCorpus({
      'a-dated.md': `---\ntitle: Barge freed at Lock Nine\ndate: 2021-03-29\n---\nDivers from the river authority freed the grain barge at Lock Nine on Monday after a long night of pumping water.\n`,
      'b-dated.md': `---\ntitle: Lock Nine reopens\ndate: 2021-04-02\n---\nThe river authority reopened Lock Nine to traffic on Friday after divers checked the gates.\n`,
      'c-undated.md': `---\ntitle: How the barge was freed\n---\nDredgers removed sand from under the grain barge at Lock Nine on 27 March, the contractor said in a statement.\n`,
    });
    const a = await runCommand(await depsFor(dir), { command: 'timeline' });
    const events = (a as { events?: TimelineEvent[] }).events ?? [];
    const dredging = events.find((e) => /Dredgers/.test(e.text));
    expect(dredging).toMatchObject({ date: '2021-03-27', precision: 'day' });
    expect(dredging?.note).toMatch(/year inferred/);
  });

  it('a sentence\'s placed date is not hidden by an unplaced one, and dates in other years are events of their own', async () => {
    const dir = writeCorpus({
      'a-dated.md': `---\ntitle: Barge freed at Lock Nine\ndate: 2021-03-29\n---\nDivers from the river authority freed the grain barge at Lock Nine on Monday after a long night of pumping water.\n`,
      'b-undated.md': `---\ntitle: Barge still stuck at Lock Nine\n---\nThe lock keeper, who was hired last week, inspected the grain barge at Lock Nine on March 24, 2021 with two divers.\n\nThe salvage firm raised a sunken ferry in 2001 and towed a burning tanker off the coast in 2012, its website says.\n`,
    });
    const a = await runCommand(await depsFor(dir), { command: 'timeline' });
    const events = (a as { events?: TimelineEvent[] }).events ?? [];
    const keeper = events.find((e) => /lock keeper/.test(e.text));
    expect(keeper?.date).toBe('2021-03-24');
    expect(keeper?.note ?? '').not.toMatch(/last week/);
    const salvage = events.filter((e) => /sunken ferry/.test(e.text)).map((e) => e.date);
    expect(salvage).toEqual(['2001', '2012']);
  });

  it('a wire dateline dates an undated article, and its bare weekdays are read from that day', async () => {
    const dir = writeCorpus({
      'a-dated.md': `---\ntitle: Barge aground at Lock Nine\ndate: 2021-03-26\n---\nA grain barge ran aground at Lock Nine on Friday, blocking river traffic.\n`,
      'b-wire.md': `---\ntitle: River board asks for answers\n---\nBy A. Writer\n\nMILLBRIDGE, March 29 (Rivernews) - The river board has written to the barge owner asking for an account of the grounding.\n\nThe owner said on Saturday that 40 crew members were safe.\n\nThe letter urges the owner to schedule a hearing with the board's safety panel - the Panel on Locks and Weirs - by Wednesday.\n`,
    });
    const a = await runCommand(await depsFor(dir), { command: 'timeline' });
    const events = (a as { events?: TimelineEvent[] }).events ?? [];
    expect((a.notes ?? []).join(' ')).toMatch(/b-wire\.md carries no date, but its dateline reads "March 29", so it was written on 29 March 2021/);
    // Filed Monday 29 March: its Saturday is the 27th; the board's deadline, closing the sentence after a set-off name, is to come.
    expect(events.find((e) => /crew members were safe/.test(e.text))?.date).toBe('2021-03-27');
    expect(events.find((e) => /by Wednesday/.test(e.text))?.date).toBe('2021-03-31');
  });

  it('in an undated article, days named around an anchored one are read as the closest days, never a week apart', async () => {
    const dir = writeCorpus({
      'a-dated.md': `---\ntitle: Barge aground at Lock Nine\ndate: 2021-03-26\n---\nThe grain barge ran aground at Lock Nine on Friday and blocked river traffic for hours.\n`,
      'b-undated.md': `---\ntitle: Lock Nine traffic\n---\nSince the grain barge ran aground at Lock Nine on Friday, river traffic has struggled to recover.\n\nAs of Saturday afternoon, 80 boats were waiting below the lock.\n\nThe river authority said the lock should be open again Wednesday, after clearing the queue since Friday.\n`,
    });
    const a = await runCommand(await depsFor(dir), { command: 'timeline' });
    const events = (a as { events?: TimelineEvent[] }).events ?? [];
    // Written 26 March – 1 April: read on the Friday itself its Saturday would be the 20th, six days before the rest.
    expect(events.find((e) => /80 boats/.test(e.text))).toMatchObject({ date: '2021-03-27', note: 'date inferred' });
    // "since Friday" looks back even in a sentence that speaks of what should come.
    const queue = events.filter((e) => /clearing the queue/.test(e.text)).map((e) => e.date);
    expect(queue).not.toContain('2021-04-02');
  });
});
