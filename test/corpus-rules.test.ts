/**
 * The general rules behind corpus parsing, on text written for the test: date lines
 * (day-first numeric), bylines, boilerplate lines, mastheads, URL lines, sentence
 * splitting with abbreviations, and the verbatim check's forgiveness rules.
 */
import { describe, expect, it } from 'vitest';
import {
  bylineIn, isBoilerplateLine, outletFromUrl, outletInLine, parseDateLine, splitGluedKicker, trailingBoilerplate, urlInLine,
} from '../src/corpus/clean.js';
import { splitSentences } from '../src/corpus/sentences.js';
import { isVerbatim, normalizeForMatch } from '../src/corpus/verbatim.js';
import { findOverlaps } from '../src/corpus/overlap.js';
import { parseArticle } from '../src/corpus/load.js';

describe('parseDateLine', () => {
  it.each([
    ['Sunday, November 2, 2025', '2025-11-02'],
    ['5.11.2025', '2025-11-05'], // day-first
    ['05.11.2025, 05:06', '2025-11-05'],
    ['11/05/2025', '2025-05-11'], // numeric dates are day-first by design
    ['Nov. 5, 2025', '2025-11-05'],
    ['5 November 2025', '2025-11-05'],
    ['Wednesday, 5 November 2025', '2025-11-05'],
    ['November 5th, 2025', '2025-11-05'],
    ['Sept. 30, 2025', '2025-09-30'],
    ['2025-11-05T10:00:00Z', '2025-11-05'],
    ['Updated: Nov 5, 2025 3:45 PM EST', '2025-11-05'],
    ['Published 05.11.2025, 05:06', '2025-11-05'],
    ['Posted on November 2, 2025 at 9:00 am', '2025-11-02'],
    ['Last updated: 5 Nov 2025, 14:03 GMT', '2025-11-05'],
    ['29.02.2024', '2024-02-29'],
  ])('%j → %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(['31.02.2025', '29.02.2025', '13/13/2025', 'November 2025', 'The meeting on November 5, 2025 went well.', '2025', 'Sunday', ''])(
    '%j is not a publication date line',
    (line) => {
      expect(parseDateLine(line)).toBeNull();
    },
  );
});

describe('bylineIn', () => {
  it.each([
    ['By Philipp Dahm', 'Philipp Dahm'],
    ['By Jane Doe, Reuters', 'Jane Doe'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['By María José García', 'María José García'],
    ["By Sean O'Neill", "Sean O'Neill"],
    ['By Jean-Luc Picard', 'Jean-Luc Picard'],
    ['By Ludwig van Beethoven', 'Ludwig van Beethoven'],
  ])('%j → %j', (line, who) => {
    expect(bylineIn(line, false)).toBe(who);
  });

  it('a bare name counts only where allowed (after the title), and never a kicker or a sentence', () => {
    expect(bylineIn('Philipp Dahm', true)).toBe('Philipp Dahm');
    expect(bylineIn('Philipp Dahm', false)).toBeNull();
    expect(bylineIn('Breaking News', true)).toBeNull();
    expect(bylineIn('The council met on Monday.', true)).toBeNull();
    expect(bylineIn('Byron Smith spoke first.', false)).toBeNull();
  });
});

describe('isBoilerplateLine', () => {
  it.each([
    'READ MORE', 'Read more at: https://example.com/x', 'Loading recommendations…', 'Loading…', 'Related Posts', 'Related',
    'Source link', 'Tags:', 'Share this article', 'No comments:', '12 comments', 'Comments (4)', '1 of 166', '3 of 12',
    'Follow us on Facebook and Twitter for updates.', 'Subscribe to our newsletter for daily updates', 'Image:Keystone',
    'Photo: John Smith/Getty', 'Sputnik via AP', 'AP Photo', 'https://example.com/story', '-----', '© 2025 Some Outlet',
    'All rights reserved.', 'Advertisement', 'BREAKING NEWS', 'Sunday, November 2, 2025', '05:06',
    // teasers for other articles: a label, a colon or bar, then that article's headline
    "Read Next: 'Awful Plan': Council Proposal Makes Building Permits Harder To Get, Residents Say Again",
    'Also Read | Bridge closure could hit the morning commute. Here’s why', 'More:3 divers reach the flooded chamber in first phase',
    'Read More: Ferry Line Apologizes For Lost Luggage Of School Choir', 'See also: How the strait was reopened',
    // a photographer's credit on its own line
    'Dana Whitfield/AP Photo', '(AP Photo/Dana Whitfield)', 'Jo Marsh / Getty Images', 'Lee Okafor/Reuters',
  ])('%j is boilerplate', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'The council met on Monday and approved the budget.',
    'Read the statement: “We will rebuild,” the mayor said, adding that repairs would take a month and cost more than expected.',
    '“Follow the money,” the prosecutor told the jury on Tuesday, before the defense rested its case in the long trial.',
    'Three of the twelve members voted against it.',
    'Comments from residents were mostly positive, the survey found.',
    'More than 300 residents signed the letter: the council will reply on Monday.',
    'Watchdogs said the ferry line had ignored three warnings.',
    'Crews worked with AP Photo staff / Reuters reporters all night.', 'The Getty Images archive holds the photo.',
  ])('%j is article text', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });

  it('trailing read-more teasers are cut from a line, the sentence kept', () => {
    const t = 'It would be unlikely while officials are away. --->READ MORE HERE';
    expect(t.slice(0, trailingBoilerplate(t))).toBe('It would be unlikely while officials are away.');
    const u = 'Nothing to cut here.';
    expect(trailingBoilerplate(u)).toBe(u.length);
  });
});

describe('metadata lines', () => {
  it('URL lines', () => {
    expect(urlInLine('Read more at: https://www.miamiherald.com/news/a.html#storylink=cpy')).toBe('https://www.miamiherald.com/news/a.html#storylink=cpy');
    expect(urlInLine('Source: https://example.org/x.')).toBe('https://example.org/x');
    expect(urlInLine('See https://example.org/x for details')).toBeNull();
  });

  it('masthead lines', () => {
    expect(outletInLine('No time? blue News summarizes for you')).toBe('blue News');
    expect(outletInLine('© 2024 Coast Gazette. All rights reserved.')).toBe('Coast Gazette');
    expect(outletInLine('Published by The Valley Courier')).toBe('The Valley Courier');
    expect(outletInLine('The council summarized the plan for residents.')).toBeNull();
  });

  it('outlet from a URL host, preferring a name the article mentions', () => {
    expect(outletFromUrl('https://www.miamiherald.com/news/x', ['the Miami Herald'])).toBe('Miami Herald');
    expect(outletFromUrl('https://www.example-news.com/a', [])).toBe('example-news.com');
    expect(outletFromUrl('not a url', [])).toBeNull();
  });

  it('glued kicker + headline keeps the headline only', () => {
    expect(splitGluedKicker('High noon in the CaribbeanMaduro allegedly asks China and Russia for military assistance')).toBe(
      'Maduro allegedly asks China and Russia for military assistance',
    );
    expect(splitGluedKicker('A perfectly normal headline about McDonald and others')).toBe('A perfectly normal headline about McDonald and others');
  });
});

describe('splitSentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

  it('keeps abbreviations, initials, decimals and times inside sentences', () => {
    const t =
      'Mr. Smith said the rate rose 3.5 percent. U.S. officials agreed. "Is it over?" she asked. He left at 5 p.m. Friday. ' +
      'The No. 2 official, Gen. Jones, spoke. The USS Gerald R. Ford arrived on Oct. 24 in the region. It cost $4.5 billion... Then it ended!';
    expect(split(t)).toEqual([
      'Mr. Smith said the rate rose 3.5 percent.',
      'U.S. officials agreed.',
      '"Is it over?" she asked.',
      'He left at 5 p.m. Friday.',
      'The No. 2 official, Gen. Jones, spoke.',
      'The USS Gerald R. Ford arrived on Oct. 24 in the region.',
      'It cost $4.5 billion...',
      'Then it ended!',
    ]);
  });

  it('a clock time ends a sentence when a function word opens the next, unless the time heads its own line', () => {
    expect(split('The first boat landed at 9 p.m. The second boat landed at 11 p.m. It was dark.')).toEqual([
      'The first boat landed at 9 p.m.',
      'The second boat landed at 11 p.m.',
      'It was dark.',
    ]);
    // A timeline's entry opens with its time; a zone or a weekday continues it.
    expect(split('12:05 a.m. A pilot boards the ship.')).toEqual(['12:05 a.m. A pilot boards the ship.']);
    expect(split('The order takes effect at 6:30 a.m. Tuesday. It ends at 10 a.m. EDT on Friday.')).toEqual([
      'The order takes effect at 6:30 a.m. Tuesday.',
      'It ends at 10 a.m. EDT on Friday.',
    ]);
  });

  it('a closing quote ends the sentence with it', () => {
    expect(split('“We will not back down,” he said. “Never.” The crowd cheered.')).toEqual([
      '“We will not back down,” he said.',
      '“Never.”',
      'The crowd cheered.',
    ]);
  });

  it('spans never start or end with whitespace and lie within the text', () => {
    const t = '  • First point here.\n\n- Second point here.\nThird line without a stop\nFourth line.  ';
    for (const s of splitSentences(t)) {
      expect(t.slice(s.start, s.end)).toBe(t.slice(s.start, s.end).trim());
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(t.length);
    }
    expect(split(t)).toEqual(['First point here.', 'Second point here.', 'Third line without a stop', 'Fourth line.']);
  });
});

describe('isVerbatim (the grounding check)', () => {
  const raw = 'He said: “We are in contact with our Venezuelan friends,” Peskov told TASS — adding more.\nNext   line here.';

  it('forgives only whitespace and typographic quotes/dashes', () => {
    expect(isVerbatim(raw, '"We are in contact with our Venezuelan friends," Peskov told TASS - adding more.')).toBe(true);
    expect(isVerbatim(raw, 'adding more. Next line here.')).toBe(true);
    expect(isVerbatim(raw, 'We are in contact with our Venezuelan allies')).toBe(false);
    expect(isVerbatim(raw, 'we are in contact')).toBe(false); // case is not forgiven
    expect(isVerbatim(raw, '')).toBe(false);
    expect(isVerbatim(raw, ' … ')).toBe(false);
  });

  it('fragments joined with … must each be verbatim, in order', () => {
    expect(isVerbatim(raw, 'He said: … Peskov told TASS')).toBe(true);
    expect(isVerbatim(raw, 'Peskov told TASS … He said:')).toBe(false);
    expect(isVerbatim(raw, 'He said: … Peskov told Reuters')).toBe(false);
  });

  it('normalizeForMatch', () => {
    expect(normalizeForMatch('  “a” ‘b’ – — \u00a0 c  ')).toBe('"a" \'b\' - - c');
  });
});

describe('near-duplicate detection on text written for the test', () => {
  const base = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says the harbour board met on day ${i} and approved item ${i * 7} of the plan.`);
  const a = parseArticle('a.txt', `Original Harbour Report Headline\n\n${base.join('\n')}\n`);
  const b = parseArticle('b.txt', `Copied Harbour Report Headline\n\n${base.slice(6).join('\n')}\n`);
  const c = parseArticle('c.txt', `Unrelated Library Story Headline\n\nThe library on Oak Avenue reopened after a renovation that took eight months and cost two million dollars.\n`);

  it('an article that is the second half of another is recorded with a high share; the reverse is lower; unrelated pairs are absent', () => {
    const o = findOverlaps([a, b, c]);
    const ba = o.find((x) => x.source === 'b.txt' && x.within === 'a.txt')!;
    const ab = o.find((x) => x.source === 'a.txt' && x.within === 'b.txt')!;
    expect(ba.share).toBeGreaterThanOrEqual(0.9);
    expect(ab.share).toBeGreaterThan(0.3);
    expect(ab.share).toBeLessThan(0.6);
    expect(o.some((x) => x.source === 'c.txt' || x.within === 'c.txt')).toBe(false);
  });
});

describe('splitGluedKicker does not split inside camel-case names', () => {
  it.each([
    'A perfectly normal headline about McDonald and others',
    'Florida governor DeSantis signs the new budget bill',
    'Streaming giant YouTube changes its rules again today',
    'Recruiters on LinkedIn report a hiring slowdown this spring',
    'Apple says the new iPhone will ship in October',
  ])('%j stays whole', (title) => {
    expect(splitGluedKicker(title)).toBe(title);
  });
});
