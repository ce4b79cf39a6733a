/**
 * One fact, one answer for dates: the date /timeline and the digest give an event is the
 * date /ask answers to "when …?" and the date /verify holds a claim to — on the seeds and
 * on a story written for the figure tests. The events, questions and claims come from each
 * corpus's own analysis (test/helpers/date-consistency.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { verify } from '../src/engines/verify.js';
import type { Deps } from '../src/deps.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { checkDates, checkDigestDates, dateClaim, movedDate, sampleDates, statedDates, whenQuestion } from './helpers/date-consistency.js';
import { STORM_CORPUS } from './figures-storm-corpus.js';

describe('seeds: one date, whichever command asks', () => {
  let deps: Deps;
  beforeAll(async () => {
    deps = await testDeps();
  }, 120_000);

  it('"on Friday" in a Sunday paper is the Friday the timeline gives: /ask says it, /verify compares it', async () => {
    const a = await ask(deps, 'When did Trump tell reporters on Air Force One that he had yet to make a decision?');
    expect(a.answered).toBe(true);
    // The short answer is verbatim in its quote (CLI contract); the quote under it carries the timeline's date.
    expect(a.short?.text).toMatch(/^Friday \[1\]$/);
    expect(a.blocks[0]!.text).toMatch(/^Friday \[1\]\nFriday 31 October 2025 — .*“However, Trump on Friday told reporters/);
    const claim = 'Trump on 31 October 2025 told reporters on Air Force One that he had yet to make a decision on whether to pull the trigger.';
    expect(verify(deps, claim).verdict).toBe('supported');
    // Three weeks later is a Friday too: only the date itself tells them apart.
    const moved = verify(deps, claim.replace('31 October', '21 November'));
    expect(moved.verdict).toBe('contradicted');
    expect(moved.blocks.map((b) => b.text).join('\n')).toMatch(/“on Friday” \(Friday 31 October 2025\)/);
  }, 60_000);

  it('a claim whose figures are right but whose date is not is not supported', () => {
    expect(verify(deps, 'Trump first deployed warships to the waters around Venezuela in November, starting with seven warships carrying 4,500 troops.').verdict).toBe('partly supported');
    expect(verify(deps, 'Trump first deployed warships to the waters around Venezuela in August, starting with seven warships carrying 4,500 troops.').verdict).toBe('supported');
  }, 60_000);

  it('every dated event of the timeline and the digest: /ask "when" states its date, /verify holds claims to it', async () => {
    const dates = await statedDates(deps);
    // The digest's dated lines are among them, and dates given by a weekday are too.
    expect(dates.filter((d) => d.inDigest).length).toBeGreaterThan(0);
    expect(dates.some((d) => d.mention.kind === 'weekday')).toBe(true);
    expect(await checkDigestDates(deps)).toEqual([]);
    expect(await checkDates(deps, sampleDates(dates))).toEqual([]);
  }, 180_000);

  it('the check fails when the commands and the date disagree', async () => {
    const dates = await statedDates(deps);
    const friday = dates.find((d) => d.mention.kind === 'weekday' && d.precision === 'day')!;
    // The same event with a date three weeks off: /ask states another date and /verify contradicts the claim.
    const wrong = { ...friday, date: movedDate(friday.date, 'day') };
    const bad = await checkDates(deps, [wrong]);
    expect(bad.map((b) => b.command)).toEqual([`/ask ${whenQuestion(friday)}`, `/verify ${dateClaim(wrong)}`]);
    expect(bad[0]!.got).toMatch(/^states .*2025-10-31/);
    expect(bad[1]!.got).toMatch(/^contradicted/);
  }, 60_000);
});

describe('a story written for the figure tests: weekdays read against each article', () => {
  let deps: Deps;
  beforeAll(async () => {
    deps = await testDeps(writeCorpus(STORM_CORPUS));
  }, 120_000);
  afterAll(() => cleanupTempDirs());

  it('"on Monday" in a Monday paper, "By Tuesday" in a Tuesday one: /ask and /verify give the timeline\'s days', async () => {
    const a = await ask(deps, 'When did Storm Halvard cause about 120,000 power outages?');
    expect(a.short?.text).toMatch(/^Monday \[\d+\]$/);
    expect(a.blocks[0]!.text).toMatch(/^Monday \[\d+\]\nMonday 15 September 2031 — .*“Storm Halvard caused about 120,000 power outages on Monday/);
    expect(verify(deps, 'Storm Halvard caused about 120,000 power outages on 15 September 2031, the grid operator said.').verdict).not.toBe('contradicted');
    expect(verify(deps, 'Storm Halvard caused about 120,000 power outages on 6 October 2031, the grid operator said.').verdict).not.toBe('supported');
  }, 60_000);

  it('every dated event: /ask "when" states its date, /verify holds claims to it', async () => {
    const dates = await statedDates(deps);
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect(await checkDigestDates(deps)).toEqual([]);
    expect(await checkDates(deps, sampleDates(dates))).toEqual([]);
  }, 120_000);
});
