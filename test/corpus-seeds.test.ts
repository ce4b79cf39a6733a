/**
 * Corpus parsing of each seed article: metadata inferred from the text, boilerplate
 * gone, exact offsets, stable ids, and the 002 ⊂ 000 near-duplicate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, parseArticle } from '../src/corpus/load.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { NEAR_DUPLICATE_SHARE } from '../src/corpus/overlap.js';
import type { Article, Corpus } from '../src/types.js';
import { SEEDS } from './helpers/corpus-fixtures.js';

const F = {
  a000: '000_46500a0d823731af.txt',
  a001: '001_080066696a52c0c3.txt',
  a002: '002_fc5e09306d15ac96.txt',
  a003: '003_83f7e1146e4f08e2.txt',
  a004: '004_beee981505867bb2.txt',
};

let corpus: Corpus;
const art = (id: string): Article => {
  const a = corpus.byId.get(id);
  if (!a) throw new Error(`article ${id} not loaded`);
  return a;
};

beforeAll(async () => {
  corpus = await loadCorpus(SEEDS);
});

describe('seed corpus: loading', () => {
  it('loads all five seeds with no warnings', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual(Object.values(F));
    expect(corpus.warnings).toEqual([]);
    for (const a of corpus.articles) {
      expect(a.format).toBe('txt');
      expect(a.sentences.length).toBeGreaterThan(5);
      expect(a.words).toBeGreaterThan(200);
    }
  });
});

describe('seed corpus: metadata', () => {
  it('dates: 000 is 2025-11-02, 004 "5.11.2025" is read day-first, 001/002/003 are undated', () => {
    expect(art(F.a000).date).toBe('2025-11-02');
    expect(art(F.a004).date).toBe('2025-11-05');
    expect(art(F.a001).date).toBeNull();
    expect(art(F.a002).date).toBeNull();
    expect(art(F.a003).date).toBeNull();
  });

  it('titles come from the headline, not from boilerplate or a kicker', () => {
    expect(art(F.a000).title).toMatch(/^US Prepared to Strike Venezuelan Military Bases as Trump Ramps Up Pressure/);
    expect(art(F.a001).title).toBe('China backs Venezuela, Trump hints Maduro’s end is near as tensions escalate');
    expect(art(F.a002).title).toBe('Maduro Urgently Seeks Military Aid From Russia & China With US Bulls-Eye On Venezuela');
    expect(art(F.a003).title).toBe('US Conducts Military Action Against Venezuelan Drug Vessel');
    // 004's headline arrives glued to a kicker ("High noon in the Caribbean").
    expect(art(F.a004).title).toBe('Maduro allegedly asks China and Russia for military assistance');
    for (const a of corpus.articles) expect(a.title).not.toBe(a.id);
  });

  it('outlet: 001 Miami Herald from its "Read more at" URL; 004 "blue News" from its masthead line', () => {
    expect(art(F.a001).outlet).toBe('Miami Herald');
    expect(art(F.a004).outlet).toBe('blue News');
  });

  it('author: 004 is by Philipp Dahm; the others carry no byline', () => {
    expect(art(F.a004).author).toBe('Philipp Dahm');
    for (const id of [F.a000, F.a001, F.a002, F.a003]) expect(art(id).author).toBeNull();
  });

  it('URL: 001 from its "Read more at" line', () => {
    expect(art(F.a001).url).toBe(
      'https://www.miamiherald.com/news/nation-world/world/americas/venezuela/article312768769.html#storylink=cpy',
    );
    expect(art(F.a004).url).toBeNull();
  });
});

describe('seed corpus: boilerplate', () => {
  const GONE = [
    'READ MORE',
    'Loading recommendations',
    'Related Posts',
    'Follow us',
    'No comments',
    '1 of 166',
    'Source link',
    'Sputnik via AP',
    'Image:Keystone',
    'Read more at',
    'summarizes for you',
  ];
  it.each(GONE)('no sentence or paragraph contains %j', (needle) => {
    const lower = needle.toLowerCase();
    for (const a of corpus.articles) {
      for (const s of a.sentences) expect(s.text.toLowerCase(), `${s.id}`).not.toContain(lower);
      for (const p of a.paragraphs) expect(p.text.toLowerCase(), `${p.id}`).not.toContain(lower);
    }
  });

  it('the boilerplate really is in the raw files (so the test above can fail)', () => {
    const all = corpus.articles.map((a) => a.raw).join('\n');
    for (const n of GONE) expect(all).toContain(n);
  });

  it('the text next to a trailing "--->READ MORE HERE" is kept, without the teaser', () => {
    const s = art(F.a000).sentences.find((x) => x.text.includes('few key officials are in Washington'));
    expect(s?.text.endsWith('few key officials are in Washington.')).toBe(true);
  });

  it('the 004 author and date lines are metadata, not sentences', () => {
    for (const s of art(F.a004).sentences) {
      expect(s.text.trim()).not.toBe('Philipp Dahm');
      expect(s.text).not.toMatch(/^0?5\.11\.2025/);
    }
  });
});

describe('seed corpus: exact offsets and stable ids', () => {
  it('every sentence and paragraph text is raw.slice(start, end) of its own file', () => {
    for (const a of corpus.articles) {
      const onDisk = readFileSync(path.join(SEEDS, a.id), 'utf8');
      expect(a.raw).toBe(onDisk);
      for (const p of a.paragraphs) {
        expect(p.text, p.id).toBe(a.raw.slice(p.start, p.end));
        expect(p.articleId).toBe(a.id);
      }
      for (const s of a.sentences) {
        expect(s.text, s.id).toBe(a.raw.slice(s.start, s.end));
        expect(s.text).toBe(s.text.trim());
        expect(isVerbatim(onDisk, s.text)).toBe(true);
      }
    }
  });

  it('sentences lie inside their paragraph, in order, without overlapping', () => {
    for (const a of corpus.articles) {
      let last = -1;
      for (const p of a.paragraphs) {
        expect(p.sentences.length).toBeGreaterThan(0);
        for (const s of p.sentences) {
          expect(s.paragraph).toBe(p.index);
          expect(s.start).toBeGreaterThanOrEqual(p.start);
          expect(s.end).toBeLessThanOrEqual(p.end);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }
    }
  });

  it('ids are unique and identical across two loads and a pure re-parse', async () => {
    const again = await loadCorpus(SEEDS);
    expect(again.version).toBe(corpus.version);
    for (const a of corpus.articles) {
      const b = again.byId.get(a.id)!;
      const c = parseArticle(a.id, a.raw);
      const ids = a.sentences.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(b.sentences.map((s) => [s.id, s.start, s.end])).toEqual(a.sentences.map((s) => [s.id, s.start, s.end]));
      expect(c.sentences.map((s) => [s.id, s.start, s.end])).toEqual(a.sentences.map((s) => [s.id, s.start, s.end]));
      expect(a.paragraphs.map((p) => p.id)).toEqual(b.paragraphs.map((p) => p.id));
      for (const s of a.sentences) expect(s.id.startsWith(`${a.id}:p${s.paragraph}:s`)).toBe(true);
    }
  });

  it('sentence splitting keeps abbreviations and initials inside sentences', () => {
    const all = corpus.articles.flatMap((a) => a.sentences.map((s) => s.text));
    // "U.S." and "Gerald R. Ford" must not end a sentence mid-name.
    for (const t of all) {
      expect(t).not.toMatch(/\bGerald R\.$/);
      expect(t).not.toMatch(/^Ford\b/);
    }
    expect(all.some((t) => /Gerald R\. Ford/.test(t))).toBe(true);
  });
});

describe('seed corpus: near-duplicates', () => {
  it('002 is recorded as largely contained in 000 (share ≥ 0.5)', () => {
    const o = corpus.overlaps.find((x) => x.source === F.a002 && x.within === F.a000);
    expect(o).toBeDefined();
    expect(o!.share).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SHARE);
    expect(o!.share).toBeGreaterThanOrEqual(0.5);
    expect(o!.share).toBeLessThanOrEqual(1);
  });

  it('000 is not a near-duplicate of 002 (only its second half is repeated), and unrelated pairs are not recorded', () => {
    const back = corpus.overlaps.find((x) => x.source === F.a000 && x.within === F.a002);
    expect(back?.share ?? 0).toBeLessThan(0.5);
    const pairs = corpus.overlaps.map((o) => [o.source, o.within].sort().join('|'));
    expect(pairs.every((p) => p === [F.a000, F.a002].sort().join('|'))).toBe(true);
  });
});
