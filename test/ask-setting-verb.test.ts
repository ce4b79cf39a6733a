/**
 * "How long did the Morwen take to sink?", "how many people lived in Larkfield?": a figure asked of nothing but the story's
 * setting (a name in most passages) and a verb ("people" says no more than "how many") is answered only where the verb is stated — every window holds the setting, so a duration beside it ("fought
 * the fire for six hours") measures something else. Stated, it answers. Two stories written here, a ferry fire and a
 * festival's power cut.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

/** An article: its date, headline and paragraphs. */
const article = (date: string, title: string, paragraphs: string[]) => `${date}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;

// Each story has over twenty passages (the least in which a name can be the story's setting), most naming it.
const FERRY: Record<string, string> = {
  '01_harbour-times.txt': article('4 April 2036', 'Fire aboard the Morwen', [
    'The crew of the Morwen fought the engine-room fire for six hours before the last flames were out.',
    'The Morwen was carrying 212 passengers on the night crossing to Skellan.',
    'Tugs towed the Morwen into Skellan harbour at dawn, a trip of 40 minutes.',
    'The Morwen burned for nearly three hours before help arrived, the operator said.',
    'Passengers on the Morwen gathered on the upper deck in life jackets.',
    'The operator of the Morwen thanked the coastguard for its help.',
    'A spokesman for the coastguard said the weather was calm.',
    'Skellan residents watched from the quay as the Morwen came in.',
  ]),
  '02_coast-wire.txt': article('5 April 2036', 'Morwen passengers back on shore', [
    'All 212 passengers of the Morwen were brought ashore on Friday.',
    'Investigators boarded the Morwen on Saturday, the operator said.',
    'The Morwen entered service in 2019 on the Skellan route.',
    'Two crew members of the Morwen were treated for smoke inhalation.',
    'Families waited at the terminal through the night.',
    'The Morwen will stay in Skellan while the investigation goes on.',
    'Other sailings on the route were cancelled.',
  ]),
  '03_island-radio.txt': article('6 April 2036', 'Questions over Morwen fire drills', [
    'Unions asked whether fire drills on the Morwen had been held as planned.',
    'The operator said drills on the Morwen were held every month.',
    'The engine room of the Morwen was last inspected in January.',
    'A replacement vessel will cover the Skellan route from Monday.',
    'The Morwen carried cars and freight as well as passengers.',
    'The harbour master praised the tug crews.',
    'An inquiry into the Morwen fire will report in the summer.',
  ]),
};
const FESTIVAL: Record<string, string> = {
  '01_valley-gazette.txt': article('12 July 2036', 'Power cut halts Larkfield', [
    'The Larkfield festival lost power for 90 minutes on Saturday night as storms hit the site.',
    'About 30,000 people were at Larkfield when the stages went dark.',
    'Organisers of Larkfield said a generator had flooded.',
    'Headline acts at Larkfield played on into the early hours once power returned.',
    'Stewards at Larkfield handed out ponchos and water.',
    'The rain eased after midnight, forecasters said.',
    'Larkfield has been held on the same farm since 2011.',
    'Some campers at Larkfield left early on Sunday.',
  ]),
  '02_north-news.txt': article('13 July 2036', 'Larkfield clean-up begins', [
    'Larkfield staff worked for 14 hours to drain the main field.',
    'Larkfield will be reviewed by the council next month.',
    'Traders at Larkfield said they lost a night of sales.',
    'The farm that hosts Larkfield reported damage to two gates.',
    'Local buses added extra services on Sunday.',
    'Larkfield organisers said tickets would not be refunded.',
    'A petition asking for refunds gathered 4,000 names.',
  ]),
  '03_county-radio.txt': article('14 July 2036', 'Council to look at Larkfield plans', [
    'Councillors want to see the storm plans for Larkfield before next year.',
    'Larkfield drew its largest crowd this year.',
    'The generator supplier said its equipment met every standard.',
    'Police said the crowd at Larkfield behaved well.',
    'Larkfield paid for the extra buses, organisers said.',
    'The council meets on 30 July.',
    'Larkfield will return next summer.',
  ]),
};
const ferry = storyDeps(FERRY);
const festival = storyDeps(FESTIVAL);

describe('a figure asked of the setting and a verb', () => {
  it('is refused when no passage states the verb (ferry)', async () => {
    const a = await askIn(ferry(), 'how long did the morwen take to sink');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('is refused when no passage states the verb (festival)', async () => {
    const a = await askIn(festival(), 'how long did larkfield take to reopen');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('is refused when only the verb says which count of people (festival)', async () => {
    const a = await askIn(festival(), 'how many people lived in larkfield');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('is refused when only the verb says which count of people (ferry)', async () => {
    const a = await askIn(ferry(), 'how many people worked on the morwen');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('is answered with no verb to state (festival)', async () => {
    const a = await askIn(festival(), 'how many people were at larkfield');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^About 30,000 people \[\d+\]$/);
  }, 60_000);

  it('is answered where the verb is stated', async () => {
    const a = await askIn(ferry(), 'how long did the morwen burn');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^nearly three hours \[\d+\]$/);
  }, 60_000);
});
