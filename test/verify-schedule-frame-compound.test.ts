/**
 * A claim that says what was scheduled with "was set to …" ("The park was set to reopen on May 3"), or that names a
 * share of something as "parts" or "burned" where the article writes "sections" or "burned-out", was "not addressed"
 * on real news: "set" counted as a content word no article used, a hyphenated compound ("burned-out") did not say
 * its own words, and "parts" / "sections" were different words. "Be set/slated/poised/scheduled to <verb>" is read as
 * "will <verb>"; a hyphenated compound says each of its words unless it opens with a prefix that turns it round
 * ("non-fatal", "ex-minister": lexicon COMPOUND_NEGATING_PREFIXES); part/section/portion are one synonym group.
 * Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_ridge-gazette.txt': `4 April 2032\n\nKellan Forest to reopen\n\nAll of Kellan Forest except for storm-damaged sections of the old Tarrow trail will reopen to hikers on May 3, the park board said Tuesday.\n\nRangers cleared fallen trees for three weeks.\n`,
  '02_coast-ledger.txt': `9 August 2032\n\nMarrow Pier repairs\n\nThe north portion of Marrow Pier, except for fire-blackened parts of the boardwalk, will reopen to anglers on Sept. 12, the harbour office said.\n\nRepairs cost the town far more than planned.\n`,
  '04_ridge-gazette.txt': `20 March 2032\n\nStorm closes Kellan Forest\n\nA spring storm closed Kellan Forest and the Tarrow trail on Friday. Hikers were told to stay away from the forest while rangers checked the trail.\n`,
  '05_valley-post.txt': `28 March 2032\n\nKellan Forest still shut\n\nKellan Forest stays shut to hikers, the park board said. The board hopes the forest and the Tarrow trail can reopen soon.\n`,
  '06_coast-ledger.txt': `1 August 2032\n\nFire on Marrow Pier\n\nA fire burned along Marrow Pier and its boardwalk on Sunday. Anglers were moved off the pier and the boardwalk was shut.\n`,
  '07_harbour-watch.txt': `5 August 2032\n\nMarrow Pier shut to anglers\n\nMarrow Pier and the boardwalk stay shut to anglers, the harbour office said, and the pier will reopen once checked.\n`,
  '03_town-news.txt': `2 February 2032\n\nCrash on Bell Road\n\nA van hit a lamp post on Bell Road on Monday. The crash was non-fatal, police said, and the driver walked away.\n`,
};

const deps = storyDeps(FILES);

describe('a schedule written "was set to", and compounds that say their words', () => {
  it('"was set to reopen" with "damaged parts" against "will reopen" with "storm-damaged sections": supported', () => {
    const v = verify(deps(), 'Kellan Forest, except the damaged parts of the Tarrow trail, was set to reopen to hikers on May 3');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/storm-damaged sections/);
  }, 60_000);

  it('another story: "slated to reopen" with "blackened sections" against "fire-blackened parts": supported', () => {
    const v = verify(deps(), 'The north part of Marrow Pier, except the blackened sections of the boardwalk, was slated to reopen to anglers on Sept. 12');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/fire-blackened parts/);
  }, 60_000);

  it('supportOf: the schedule frame and a compound\'s own words', () => {
    expect(supportOf('The damaged trail was set to reopen on May 3', 'The storm-damaged trail will reopen on May 3, rangers said.').verdict).toBe('supported');
    expect(supportOf('The charred pier was slated to reopen in June', 'The fire-charred pier will reopen in June.').verdict).toBe('supported');
    expect(supportOf('The crash was fatal', 'The crash was non-fatal, police said.').verdict).not.toBe('supported');
  });

  it('a compound that turns its word round does not say it: "non-fatal" is no support for "fatal"', () => {
    const v = verify(deps(), 'The crash on Bell Road was fatal');
    expect(v.verdict, text(v)).not.toBe('supported');
  }, 60_000);
});
