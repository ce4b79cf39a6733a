/**
 * /sources in-process: every article with its metadata, the outlets it attributes
 * claims to, and its overlap with other articles; skipped files noted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/load.js';
import { runCommand } from '../src/engines/index.js';
import { attributedOutlets, describeSources } from '../src/engines/sources.js';
import type { Deps } from '../src/deps.js';
import type { SourceInfo } from '../src/types.js';
import { cleanupTempDirs, depsFor, SEEDS, writeCorpus } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

let deps: Deps;
let list: SourceInfo[];
const by = (id: string) => list.find((s) => s.source === id)!;
beforeAll(async () => {
  deps = await depsFor(SEEDS);
  list = describeSources(deps);
});

describe('/sources over the seeds', () => {
  it('lists every article with the contract fields', () => {
    expect(list.map((s) => s.source)).toEqual(deps.corpus.articles.map((a) => a.id));
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['author', 'cites', 'date', 'outlet', 'overlapsWith', 'source', 'title', 'url', 'words'].sort());
      expect(s.words).toBe(deps.corpus.byId.get(s.source)!.words);
    }
  });

  it('metadata per seed', () => {
    expect(by('000_46500a0d823731af.txt').date).toBe('2025-11-02');
    expect(by('001_080066696a52c0c3.txt')).toMatchObject({ outlet: 'Miami Herald', date: null });
    expect(by('001_080066696a52c0c3.txt').url).toMatch(/^https:\/\/www\.miamiherald\.com\//);
    expect(by('004_beee981505867bb2.txt')).toMatchObject({ outlet: 'blue News', author: 'Philipp Dahm', date: '2025-11-05' });
  });

  it('the outlets each article attributes claims to', () => {
    expect(by('001_080066696a52c0c3.txt').cites).toEqual(expect.arrayContaining(['TASS', 'Washington Post', 'Wall Street Journal']));
    expect(by('004_beee981505867bb2.txt').cites).toEqual(expect.arrayContaining(['Washington Post']));
    expect(by('004_beee981505867bb2.txt').cites.some((c) => /^tass$/i.test(c))).toBe(true);
    expect(by('000_46500a0d823731af.txt').cites).toEqual(expect.arrayContaining(['Washington Post']));
    // The article's own outlet is not listed as a source it cites.
    expect(by('004_beee981505867bb2.txt').cites).not.toContain('blue News');
  });

  // BUG (reported): the outlet-name pattern in src/engines/sources.ts joins words across
  // line breaks and sentence ends ("…according to the Post.\nTransport Minister Ramón
  // Celestino Velásquez…" → cites "Post.\nTransport Minister Ramón Celestino"), and a
  // name cut at "for" yields "Center" for the Center for Strategic and International Studies.
  it('cites are clean outlet names (no line breaks, no sentence-spanning junk)', () => {
    for (const s of list) {
      for (const c of s.cites) {
        expect(c, `${s.source}: ${JSON.stringify(c)}`).not.toMatch(/[\n.]\s*\p{Lu}|\n/u);
        expect(c.split(/\s+/).length).toBeLessThanOrEqual(6);
      }
    }
    expect(by('001_080066696a52c0c3.txt').cites).not.toContain('Center');
  });

  it('overlap: 002 is a near-duplicate of 000; articles without overlap list none', () => {
    const o = by('002_fc5e09306d15ac96.txt').overlapsWith;
    expect(o).toEqual([{ source: '000_46500a0d823731af.txt', share: expect.any(Number) }]);
    expect(o[0]!.share).toBeGreaterThanOrEqual(0.5);
    for (const id of ['001_080066696a52c0c3.txt', '003_83f7e1146e4f08e2.txt', '004_beee981505867bb2.txt']) expect(by(id).overlapsWith).toEqual([]);
  });

  it('the rendered answer names outlets, dates, the author and the near-duplicate', async () => {
    const a = await runCommand(deps, { command: 'sources' });
    expect(a.command).toBe('sources');
    expect(a.answered).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.sources).toEqual(list);
    const text = a.blocks.map((b) => `${b.heading}\n${b.text}`).join('\n');
    expect(text).toContain('by Philipp Dahm');
    expect(text).toMatch(/Near-duplicate: 72% of its text also appears in 000_46500a0d823731af\.txt|Near-duplicate: \d+% of its text also appears in 000_/);
    expect(text).toContain('undated');
    expect(a.title).toBe('5 articles in the corpus');
  });
});

describe('attributedOutlets on text written for the test', () => {
  const article = (body: string) => parseArticle('x.txt', `A Headline For The Attribution Test\n\n${body}\n`);

  it('finds "according to", "told the … agency", "reported by" and "X reported" attributions', () => {
    const a = article(
      [
        // (lines end without a full stop: see the line-break bug below)
        'The bus routes will be cut next year, according to the Springfield Gazette, which obtained the draft',
        'The deputy mayor told the local news agency Metro Wire that the cuts were temporary',
        'The shortfall was first reported by the Riverside Herald on Monday.',
      ].join('\n'),
    );
    expect(attributedOutlets(a)).toEqual(['Metro Wire', 'Riverside Herald', 'Springfield Gazette']);
    expect(attributedOutlets(article('Reuters reported that the city bonds were downgraded last week.'))).toEqual(['Reuters']);
  });

  it('does not invent outlets from people or plain attributions', () => {
    const a = article('According to officials, the plan is final.\nPresident Smith told reporters that nothing would change.\nShe said the council agreed.');
    expect(attributedOutlets(a)).toEqual([]);
  });

  // Same bug as above, on a neutral text: the attribution at a sentence end is lost.
  it('keeps an attribution that ends a sentence followed by another sentence', () => {
    const a = article('The plan would cut bus routes, according to The Springfield Gazette.\nThe deputy mayor disagreed with the plan.');
    expect(attributedOutlets(a)).toEqual(['Springfield Gazette']);
  });

  it('notes skipped files in /sources', async () => {
    const dir = writeCorpus({
      'good.txt': 'Good Article Headline Here\n\nThe water board said 12 pipes were replaced in May, according to the Valley Tribune.\n',
      'empty.txt': '',
    });
    const d = await depsFor(dir);
    const a = await runCommand(d, { command: 'sources' });
    expect(a.sources).toHaveLength(1);
    expect(a.sources![0]!.cites).toEqual(['Valley Tribune']);
    expect(a.notes?.join(' ')).toMatch(/Skipped empty\.txt: the file is empty/);
  });
});
