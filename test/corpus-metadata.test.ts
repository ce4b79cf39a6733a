/**
 * Publication date and outlet as news pages print them, on articles written for
 * this test (place and outlet names are invented): date lines in the byline area,
 * agency datelines, newsroom bylines, source and copyright lines, mastheads and
 * links — and the sentences that only look like them.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/load.js';
import { creditIn, staffCredit } from '../src/corpus/credits.js';
import { dateInUrl, dateLineIn } from '../src/corpus/clean.js';

const BODY = [
  'Crews worked through the night to free the grain barge that ran aground near the lock, officials said.',
  'The river authority said traffic would resume once divers had checked the hull for damage.',
  'Shippers said the delay had already cost them several days of deliveries.',
].join('\n\n');

/** An article: header lines, then the body (optionally with a first paragraph of its own). */
function article(header: string[], opts: { lead?: string; footer?: string[]; name?: string } = {}) {
  const body = opts.lead ? `${opts.lead}\n\n${BODY}` : BODY;
  const raw = [...header, '', body, '', ...(opts.footer ?? [])].join('\n');
  return parseArticle(opts.name ?? 'a.txt', raw);
}

const TITLE = 'Grain Barge Refloated After Two Days Stuck Near Lock';

describe('publication date lines', () => {
  it.each([
    ['Published 7:56 pm Monday, March 2, 2020', '2020-03-02'],
    ['By: - March 5, 2020 6:14 pm', '2020-03-05'],
    ['By KRVX Staff | March 6, 2020 at 8:52 PM', '2020-03-06'],
    ['Updated: 8/25/2020', '2020-08-25'],
    ['Aug. 28, 2020', '2020-08-28'],
    ['June 23, 2023 at 10:41 a.m. EDT', '2023-06-23'],
    ['Tue 27 Mar 2018 09.00 BST', '2018-03-27'],
    ['2021-03-24', '2021-03-24'],
    ['2021-03-24T18:02:11+00:00', '2021-03-24'],
    ['Posted: Mar 24, 2021 / 02:03 PM EDT', '2021-03-24'],
    ['Updated 2:31 PM ET, Wed March 24, 2021', '2021-03-24'],
    ['Last modified on Wed 24 Mar 2021 12.03 GMT', '2021-03-24'],
    ['24 March 2021 • 5 min read', '2021-03-24'],
    ['Wednesday 24 March 2021 18:35, UK', '2021-03-24'],
    ['Last Updated: March 25, 2021 @ 9:00 am', '2021-03-25'],
    ['March 24, 2021, 6:00 AM PDT / Updated March 24, 2021, 10:17 AM PDT', '2021-03-24'],
    ['Published March 24, 2021 Updated March 25, 2021', '2021-03-24'],
    ['March 24, 2021 / 10:02 AM / Updated 2 years ago', '2021-03-24'],
  ])('%j in the byline area → %s', (line, iso) => {
    expect(dateLineIn(line)?.date).toBe(iso);
    expect(article([TITLE, 'By Dana Whitfield', line]).date).toBe(iso);
  });

  it.each([
    'The meeting was updated on November 5, 2025',
    'On March 2, 2020 the ship left port with a full load of grain and fuel.',
    'Crews said | they would work on March 5, 2020 and the following days as well',
  ])('%j is not a date line', (line) => {
    expect(dateLineIn(line)).toBeNull();
  });

  it('takes the date line near the top over a date in the story', () => {
    const a = article([TITLE, 'By Dana Whitfield', 'March 9, 2020'], { lead: 'On March 2, 2020 the barge left the upstream terminal with a full load of grain.' });
    expect(a.date).toBe('2020-03-09');
  });

  it('never takes an event date in the story for the publication date', () => {
    const a = article([TITLE, 'By Dana Whitfield'], { lead: 'On March 2, 2020 the barge left the upstream terminal with a full load of grain.' });
    expect(a.date).toBeNull();
  });

  it('prefers the published date to the updated one, and a top date line to one at the bottom', () => {
    expect(article([TITLE, 'Updated: March 10, 2020', 'Published: March 9, 2020']).date).toBe('2020-03-09');
    expect(article([TITLE, 'Published March 9, 2020'], { footer: ['Published March 1, 2019'] }).date).toBe('2020-03-09');
    // No date at the top: the article's own link, then a date line further down.
    expect(article([TITLE], { footer: ['Read more at: https://news.example/2020/03/11/barge-refloated/'] }).date).toBe('2020-03-11');
    expect(article([TITLE], { footer: ['Published March 1, 2019'] }).date).toBe('2019-03-01');
  });

  it('reads the date and author of credit lines in other shapes', () => {
    expect(article([TITLE, 'Update July 10 , 2018']).date).toBe('2018-07-10');
    const wire = article([TITLE], { footer: ['This report by The Riverbend Press was first published March 28, 2021.'] });
    expect(wire).toMatchObject({ date: '2021-03-28', author: null });
    expect(article([TITLE, 'Jo-Anne Whitfield | 6/22/2023, 2:19 p.m.'])).toMatchObject({ date: '2023-06-22', author: 'Jo-Anne Whitfield' });
    // A section label under the headline is not a person; a place after a name is not an outlet.
    expect(article([TITLE, 'River News']).author).toBeNull();
    expect(article([TITLE, 'Dana Whitfield, Washington, DC']).outlet).toBeNull();
    expect(article([TITLE, 'Riverton, Ohio']).outlet).toBeNull();
  });

  it('finds dates in links', () => {
    expect(dateInUrl('https://news.example/world/2021/03/24/ship-stuck.html')).toBe('2021-03-24');
    expect(dateInUrl('https://news.example/story/ship-stuck-2021-03-24-abc')).toBe('2021-03-24');
    expect(dateInUrl('https://news.example/a/20210324/ship')).toBe('2021-03-24');
    expect(dateInUrl('https://news.example/story/12345')).toBeNull();
  });
});

describe('outlet credits', () => {
  it.each([
    ['agency dateline', [TITLE], 'RIVERTON, Ohio (AP) — Crews freed a grain barge on Friday after two days.', 'The Associated Press'],
    ['agency dateline with a date', [TITLE], 'RIVERTON, March 24 (Reuters) - Crews freed a grain barge on Friday after two days.', 'Reuters'],
    ['site credit with a dash', [TITLE], '(Newser) – Crews freed a grain barge on Friday after two days of work.', 'Newser'],
    ['credit glued to the lead', [TITLE], '(KRVX)Crews freed a grain barge on Friday after two days of work.', 'KRVX'],
    ['newsroom byline', [TITLE, 'By Valley Example News'], undefined, 'Valley Example News'],
    ['station staff byline', [TITLE, 'By KRVX Staff'], undefined, 'KRVX'],
    ['staff byline with a date', [TITLE, 'By WQRT Staff | March 6, 2020 at 8:52 PM'], undefined, 'WQRT'],
    ['agency byline', [TITLE, 'By The Associated Press'], undefined, 'The Associated Press'],
    ['person and outlet byline', [TITLE, 'By Dana Whitfield, Reuters'], undefined, 'Reuters'],
    ['person for outlet', [TITLE, 'By Dana Whitfield for Riverbend Daily'], undefined, 'Riverbend Daily'],
    ['masthead', ['The Riverbend Courier', TITLE, 'By Dana Whitfield'], undefined, 'The Riverbend Courier'],
    ['dateline with a title-case place', [TITLE], 'Lock Haven (AP) — Crews freed a grain barge on Friday after two days of work.', 'The Associated Press'],
    ['credit after a date line', [TITLE, '29 March 2021 - 07:51 By Reuters'], undefined, 'Reuters'],
    ['newsroom credit glued to "By"', [TITLE, 'ByRC Correspondent | Edited by Dana Whitfield'], undefined, 'RC'],
    ['person and newsroom staff', [TITLE, 'By Dana Whitfield,  Riverbend Staff'], undefined, 'Riverbend'],
    ['AP-style capitals byline', [TITLE, 'By DANA WHITFIELD Associated Press'], undefined, 'The Associated Press'],
    ['a wire service alone under the headline', [TITLE, 'Associated Press'], undefined, 'The Associated Press'],
    ['name and outlet without "By"', [TITLE, 'Dana Whitfield, The Riverbend Courier'], undefined, 'The Riverbend Courier'],
    ['the newsroom under the byline', [TITLE, 'By Dana Whitfield', 'Riverbend Courier', 'March 24, 2021'], undefined, 'Riverbend Courier'],
    ['the author\'s photo credit', [TITLE, 'Dana Whitfield', 'Crews at the lock on Friday.', 'Dana Whitfield/RiverWire'], undefined, 'RiverWire'],
  ])('%s', (_what, header, lead, outlet) => {
    expect(article(header as string[], { lead: lead as string | undefined }).outlet).toBe(outlet);
  });

  it.each([
    ['source line', ['Source: Riverbend Courier'], 'Riverbend Courier'],
    ['copyright', ['© 2021 Riverbend Media Group. All rights reserved.'], 'Riverbend Media Group'],
    ['copyright with a company suffix', ['Copyright 2020 Valley Broadcasting, Inc. All rights reserved.'], 'Valley Broadcasting'],
    ['originally published', ['This story was originally published by The Riverbend Courier.'], 'The Riverbend Courier'],
    ['read-more link named in the text', ['Read more at https://www.riverbendcourier.example/news/barge'], 'riverbendcourier.example'],
    ['wire closing credit', ['This report by The Riverbend Press was first published March 28, 2021.'], 'The Riverbend Press'],
    ['the outlet\'s own photo', ['Crews at work on the barge near the lock. Photo credit: RiverWatch'], 'RiverWatch'],
  ])('%s at the foot of the page', (_what, footer, outlet) => {
    expect(article([TITLE], { footer }).outlet).toBe(outlet);
  });

  it('names a link by the outlet the text mentions', () => {
    const a = parseArticle('b.txt', [TITLE, '', 'The Riverbend Courier reported the barge was refloated on Friday after two days of work.', '', 'Read more at: https://www.riverbendcourier.com/news/barge'].join('\n'));
    expect(a.outlet).toBe('Riverbend Courier');
  });

  it('a stated publisher beats a wire credit, and the body never names the outlet', () => {
    expect(article([TITLE], { lead: 'RIVERTON, Ohio (AP) — Crews freed a grain barge on Friday after two days.', footer: ['Source: Riverbend Courier'] }).outlet).toBe('Riverbend Courier');
    const body = article([TITLE, 'By Dana Whitfield'], { lead: 'The barge was refloated on Friday, said Reuters, citing the river authority and two shippers.' });
    expect(body.outlet).toBeNull();
    const paren = article([TITLE], { lead: 'The river authority (RRA) — which runs the lock — said the barge was refloated on Friday.' });
    expect(paren.outlet).toBeNull();
    const company = article([TITLE], { lead: 'Riverbend Barge Lines (RBL) — the operator of the barge — said it was refloated on Friday.' });
    expect(company.outlet).toBeNull();
    expect(creditIn('Officials (Reuters) said the barge was refloated.', 'lead')).toBeNull();
    expect(creditIn('(Photo) Crews at work on the barge on Friday.', 'lead')).toBeNull();
    // Agency and stock photos name who took the picture, not who published the story.
    for (const caption of ['Crews at the lock. Photo: Getty Images', 'Crews at the lock. Image: REUTERS/Dana Whitfield', 'Crews at the lock. Photo: AP', 'Crews at the lock. Photo: Supplied']) {
      expect(creditIn(caption, 'line'), caption).toBeNull();
    }
  });
});

describe('staff credits are not authors', () => {
  it.each([
    ['By KRVX Staff', null, 'KRVX'],
    ['By Staff Report', null, null],
    ['By News Desk', null, null],
    ['By Riverbend Courier Staff Reports', null, 'Riverbend Courier'],
    ['By Dana Whitfield', 'Dana Whitfield', null],
    ['By Dana Whitfield, Staff Writer', 'Dana Whitfield', null],
    ['By Dana Whitfield, Riverbend Staff', 'Dana Whitfield', 'Riverbend'],
    ['ByRC Correspondent', null, 'RC'],
    ['By Dana Whitfield and Lee Marsh, Associated Press', 'Dana Whitfield and Lee Marsh', 'The Associated Press'],
    ['Dana Whitfield, The Riverbend Courier', 'Dana Whitfield', 'The Riverbend Courier'],
  ])('%j → author %j, outlet %j', (byline, author, outlet) => {
    const a = article([TITLE, byline]);
    expect(a.author).toBe(author);
    expect(a.outlet).toBe(outlet);
    // The credit line is metadata, not body text.
    expect(a.paragraphs.some((p) => p.text.includes(byline))).toBe(false);
  });

  it('splits "<Name> Staff" from the newsroom name', () => {
    expect(staffCredit('KRVX Staff')).toBe('KRVX');
    expect(staffCredit('Staff Report')).toBe('');
    expect(staffCredit('Dana Whitfield')).toBeNull();
  });
});

describe('metadata in page markup', () => {
  const body = '<p>Crews worked through the night to free the grain barge that ran aground near the lock, officials said.</p><p>The river authority said traffic would resume once divers had checked the hull.</p>';

  it('reads schema.org JSON-LD: date published, headline, publisher, author (an organisation as author is the outlet)', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': 'NewsArticle', headline: TITLE, datePublished: '2021-03-24T18:02:11+00:00', dateModified: '2021-03-30T09:00:00Z', publisher: { '@type': 'Organization', name: 'Riverbend Courier' }, author: [{ '@type': 'Person', name: 'Dana Whitfield' }] }] });
    const a = parseArticle('a.html', `<html><head><script type="application/ld+json">${ld}</script></head><body>${body}</body></html>`);
    expect(a).toMatchObject({ date: '2021-03-24', title: TITLE, outlet: 'Riverbend Courier', author: 'Dana Whitfield' });
    const wire = JSON.stringify({ '@type': 'NewsArticle', datePublished: '2021-03-24', author: { '@type': 'Organization', name: 'Riverbend Wire' } });
    expect(parseArticle('b.html', `<html><head><script type="application/ld+json">${wire}</script></head><body>${body}</body></html>`)).toMatchObject({ outlet: 'Riverbend Wire', author: null });
    // Broken JSON is ignored, not fatal.
    expect(parseArticle('c.html', `<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script></head><body>${body}</body></html>`).sentences.length).toBeGreaterThan(0);
  });

  it('reads the date, outlet and author meta tags sites use, and never a profile link or a newsroom as the author', () => {
    const head = '<meta itemprop="datePublished" content="March 24, 2021"><meta name="application-name" content="Riverbend Courier"><meta property="article:author" content="https://riverbend.example/staff/dana">';
    expect(parseArticle('d.html', `<html><head>${head}</head><body>${body}</body></html>`)).toMatchObject({ date: '2021-03-24', outlet: 'Riverbend Courier', author: null });
    const staff = '<meta name="author" content="KRVX Staff">';
    expect(parseArticle('e.html', `<html><head>${staff}</head><body>${body}</body></html>`)).toMatchObject({ outlet: 'KRVX', author: null });
  });

  it('reads markdown bylines and date lines set in emphasis', () => {
    const a = parseArticle('f.md', `# ${TITLE}\n\n*By Dana Whitfield*\n\n_Published March 24, 2021_\n\n${BODY}\n`);
    expect(a).toMatchObject({ author: 'Dana Whitfield', date: '2021-03-24' });
    expect(a.paragraphs.some((p) => /Published|Whitfield/.test(p.text))).toBe(false);
  });
});
