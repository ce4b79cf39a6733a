/**
 * A small corpus on an unrelated topic (a city water-main failure), written inside
 * the test: three short articles with a spokesperson quote, a household figure that
 * differs between two of them, a day-first date and one undated article. /ask must
 * answer from them with verbatim citations and refuse off-topic questions — proof
 * that nothing is tuned to the seed story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import type { Deps } from '../src/deps.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, nonVerbatim, writeCorpus } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

const FILES: Record<string, string> = {
  'a_gazette.txt': `Water Main Break Leaves Riverton Homes Dry

Monday, March 4, 2024

By Helen Marsh

A 24-inch water main burst under Elm Street early Sunday, leaving about 3,000 households in Riverton without running water, city officials said.
Crews shut off the line at 4 a.m. after residents reported water flooding the road near the Elm Street bridge.
"We expect service to be restored by Thursday evening," said city spokesperson Maria Delgado. "Our crews are working around the clock."
The city estimates the repairs will cost $1.2 million.
Read more: https://www.rivertongazette.example/news/water-main-break
`,
  'b_courier.txt': `Council Approves Emergency Funds After Elm Street Pipe Failure

6.3.2024

The Riverton city council voted 7-2 on Tuesday night to approve $1.5 million in emergency funding to replace the failed water main under Elm Street.
According to the utilities department, more than 4,500 households lost water after the pipe burst on Sunday.
The pipe was installed in 1958 and had been scheduled for replacement in 2027, utilities director Samuel Okoro told the council.
Council member Janet Price voted against the measure, saying the city had ignored warnings about aging pipes for a decade.
Follow us on Facebook for more local news.
`,
  'c_blog.txt': `Boil-Water Advisory Stays in Place for North Riverton

The city has told residents of North Riverton to boil tap water for at least one minute before drinking it until tests confirm the supply is safe.
Bottled water is being handed out at the public library on Oak Avenue from 8 a.m. to 6 p.m. each day.
Spokesperson Maria Delgado said the advisory would be lifted only after two consecutive clean samples.
Local schools remained open but switched to bottled water for students.
Related Posts
Loading comments
`,
};

let dir: string;
let deps: Deps;
beforeAll(async () => {
  dir = writeCorpus(FILES, 'dispatch-water-');
  deps = await depsFor(dir);
});

async function ask(text: string, session?: string): Promise<Answer> {
  const a = await runCommand(deps, { command: 'ask', text, ...(session ? { session } : {}) });
  // Whatever the answer, every citation is verbatim in its file.
  expect(nonVerbatim(a.citations, dir)).toEqual([]);
  return a;
}
const prose = (a: Answer) => a.blocks.map((b) => b.text).join('\n');
const quotes = (a: Answer) => a.citations.map((c) => c.quote).join('\n');

describe('an unrelated corpus: loading', () => {
  it('reads dates (one day-first, one undated), byline, URL, and drops boilerplate', () => {
    const [a, b, c] = ['a_gazette.txt', 'b_courier.txt', 'c_blog.txt'].map((id) => deps.corpus.byId.get(id)!);
    expect(a!.title).toBe('Water Main Break Leaves Riverton Homes Dry');
    expect(a!.date).toBe('2024-03-04');
    expect(a!.author).toBe('Helen Marsh');
    expect(a!.url).toBe('https://www.rivertongazette.example/news/water-main-break');
    expect(b!.date).toBe('2024-03-06');
    expect(c!.date).toBeNull();
    const all = deps.corpus.articles.flatMap((x) => x.sentences.map((s) => s.text)).join('\n');
    expect(all).not.toMatch(/Read more|Follow us|Related Posts|Loading comments|By Helen Marsh/);
    expect(deps.corpus.overlaps).toEqual([]);
  });
});

describe('an unrelated corpus: answers', () => {
  it('a figure that differs between articles: both are cited, and the difference is shown', async () => {
    const a = await ask('How many households lost running water?');
    expect(a.answered).toBe(true);
    const sources = new Set(a.citations.map((c) => c.source));
    expect(sources).toEqual(new Set(['a_gazette.txt', 'b_courier.txt']));
    expect(quotes(a)).toContain('about 3,000 households');
    expect(quotes(a)).toContain('more than 4,500 households');
    expect(prose(a)).toMatch(/3,000[\s\S]*4,500|4,500[\s\S]*3,000/);
    expect(prose(a)).toMatch(/\bvs\b|differ|while|whereas|but/i);
    const dated = Object.fromEntries(a.citations.map((c) => [c.source, c.date]));
    expect(dated).toEqual({ 'a_gazette.txt': '2024-03-04', 'b_courier.txt': '2024-03-06' });
  });

  it('what a named spokesperson said: her quotes, from both articles that quote her', async () => {
    const a = await ask('What did Maria Delgado say?');
    expect(a.answered).toBe(true);
    expect(quotes(a)).toContain('We expect service to be restored by Thursday evening');
    expect(quotes(a)).toContain('the advisory would be lifted only after two consecutive clean samples');
    const c = a.citations.find((x) => x.quote.includes('Thursday evening'))!;
    expect(c).toMatchObject({ source: 'a_gazette.txt', title: 'Water Main Break Leaves Riverton Homes Dry', date: '2024-03-04' });
    expect(a.citations.find((x) => x.source === 'c_blog.txt')!.date).toBeNull();
  });

  it.each([
    ['When was the pipe installed?', 'b_courier.txt', /installed in 1958/],
    ['How much will the repairs cost?', 'a_gazette.txt', /\$1\.2 million/],
    ['How much emergency funding did the council approve?', 'b_courier.txt', /\$1\.5 million in emergency funding/],
    ['Who voted against the measure?', 'b_courier.txt', /Janet Price voted against/],
    ['Where is bottled water handed out?', 'c_blog.txt', /public library on Oak Avenue/],
    ['When will service be restored?', 'a_gazette.txt', /restored by Thursday evening/],
    ['How many households were without water?', 'a_gazette.txt', /about 3,000 households/],
  ])('%s → cites %s', async (q, source, fact) => {
    const a = await ask(q);
    expect(a.answered).toBe(true);
    const hit = a.citations.find((c) => fact.test(c.quote));
    expect(hit, `no citation matching ${fact} in: ${quotes(a)}`).toBeDefined();
    expect(hit!.source).toBe(source);
    expect(prose(a)).toMatch(fact);
  });

  it('a follow-up in a session is answered with the earlier turn’s context', async () => {
    const first = await ask('What did Maria Delgado say?', 'water-1');
    expect(first.answered).toBe(true);
    const second = await ask('And Samuel Okoro?', 'water-1');
    expect(second.answered).toBe(true);
    expect(quotes(second)).toContain('utilities director Samuel Okoro told the council');
  });
});

describe('an unrelated corpus: refusals', () => {
  it.each([
    'What is the capital of France?',
    'Who won the football match?',
    'Who is the mayor of Riverton?', // shares the town's name, but no mayor is mentioned
    'What did Samuel Okoro say about the election?', // a real name, an unsupported topic
    'What did Maria Delgado say about the Super Bowl?',
  ])('%s → answered:false, no citations, says what was searched', async (q) => {
    const a = await ask(q);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(prose(a)).toMatch(/articles/i);
    expect(prose(a)).toMatch(/“[^”]+”/); // names the missing terms
  });

  it('nothing from the seed story leaks into answers over this corpus', async () => {
    const a = await ask('What did Peskov say about Venezuela?');
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
  });
});

describe('an unrelated corpus: gaps reported earlier, now closed', () => {
  // Was a bug: the light stemmer kept "voted" and "vote" apart, and the answerability check said "vote" was missing.
  // Lemmas meet now, and "how did … vote?" is answered by a window that states the verb.
  it('"How did the council vote?" finds "voted 7-2"', async () => {
    const a = await ask('How did the council vote?');
    expect(a.answered).toBe(true);
    expect(quotes(a)).toMatch(/voted 7-2/);
  });

  // Was a weakness: with "lost water" only the article using those words was cited; the other figure
  // ("about 3,000 households … without running water") is now found and set beside it.
  it('"How many households lost water?" shows both figures', async () => {
    const a = await ask('How many households lost water?');
    expect(quotes(a)).toContain('3,000');
    expect(quotes(a)).toContain('4,500');
  });
});
