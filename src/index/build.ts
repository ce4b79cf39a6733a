/**
 * Build (or load) the search index for a corpus. The MiniSearch index and the
 * term document frequencies are persisted under `cacheDir` keyed by the corpus
 * version and an index schema version, so a restart with an unchanged corpus
 * loads instead of rebuilding. Articles can be added at run time.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Logger } from '../log.js';
import type { Article, Corpus, Paragraph, Sentence } from '../types.js';
import type { NumberedPostings, PassageHit, SearchIndex, SearchOptions } from './search.js';
import { withinEdits } from '../language/edit-distance.js';
import { topHits, type TermSpec } from './top-hits.js';
import { indexTerms, indexWords, STOPWORDS, stem, words } from '../language/tokenize.js';
import { encodeIndex, loadIndexFile } from './stored-index.js';

/**
 * Bump when tokenisation, stored fields or the file format change, so stale caches are ignored.
 * 9: postings stored as typed arrays (src/index/stored-index.ts), no longer MiniSearch's JSON.
 * 10: search keys keep a silent e where the word without it is another ("plane", not "plan") and undo a doubled consonant ("planned" → "plan").
 * 11: a dot between a digit and a letter ends a word ("2021.Maxar" is two words: a caption glued to its credit).
 */
const SCHEMA = 12;

interface Doc {
  id: string;
  articleId: string;
  text: string;
  title: string;
}

/** A token `words()` already produced (folded ASCII): running `words()` on it again returns it unchanged. */
const NORMALISED_TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const processTerm = (t: string): string | null => {
  // Fast path: MiniSearch hands us tokens from `words()`; re-folding each one was
  // half of the 10k-article build time. Anything else still goes through `words()`.
  const w = NORMALISED_TOKEN.test(t) ? t : words(t)[0];
  if (!w || STOPWORDS.has(w)) return null;
  return stem(w);
};

/** Field weights of a search (MiniSearch `boost`): a passage's article title counts for less than its text. */
const FIELD_BOOST = { text: 1, title: 0.3 };

const OPTIONS = {
  fields: ['text', 'title'],
  storeFields: ['articleId'],
  tokenize: (text: string) => indexWords(text),
  processTerm,
  searchOptions: {
    boost: FIELD_BOOST,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false) as number | false,
    prefix: (term: string) => term.length >= 4,
    combineWith: 'OR' as const,
  },
};

export interface BuildIndexOptions {
  cacheDir?: string;
  log?: Logger;
}

/** A SearchIndex that can grow: add an article without rebuilding. */
export interface MutableSearchIndex extends SearchIndex {
  add(article: Article): void;
  /** Remove an article's passages (a file deleted from the corpus folder). */
  remove(articleId: string): void;
  /** Persist the current index under `corpusVersion` (after run-time changes), so the next start loads it. */
  save(corpusVersion: string): Promise<void>;
  /** Whether this index was loaded from the cache rather than built. */
  readonly fromCache: boolean;
}

function docsOf(a: Article): Doc[] {
  return a.paragraphs.map((p) => ({ id: p.id, articleId: a.id, text: p.text, title: a.title }));
}

export async function buildIndex(corpus: Corpus, opts: BuildIndexOptions = {}): Promise<MutableSearchIndex> {
  const file = opts.cacheDir ? indexFile(opts.cacheDir, corpus.version) : undefined;
  let ms: MiniSearch<Doc> | undefined;
  let df: Map<string, number> | undefined;
  if (file) {
    try {
      const loaded = await loadIndexFile<Doc>(file, OPTIONS);
      const extra = loaded.extra as StoredExtra | null;
      if (!Array.isArray(extra?.df)) throw new Error('no term frequencies');
      // Same files parsed differently (a parser fix) must not reuse passages with other boundaries.
      if (extra.structure !== structureOf(corpus.articles.flatMap((a) => a.paragraphs))) throw new Error('passages cut otherwise (stale structure)');
      ms = loaded.ms;
      df = new Map(extra.df);
      opts.log?.debug({ file }, 'search index loaded from cache');
    } catch (err) {
      // Missing: built now. Damaged or stale: said, then built now (and the file replaced).
      ms = undefined;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        opts.log?.warn({ file, err: (err as Error).message }, 'persisted search index unusable; rebuilding it');
      }
    }
  }
  const fromCache = ms !== undefined;
  if (!ms || !df) {
    ms = new MiniSearch<Doc>(OPTIONS);
    df = new Map();
    for (const a of corpus.articles) {
      ms.addAll(docsOf(a));
      countDf(a, df);
    }
    if (file) {
      try {
        await persist(file, ms, df, structureOf(corpus.articles.flatMap((a) => a.paragraphs)));
      } catch (err) {
        opts.log?.warn({ err: (err as Error).message }, 'could not persist the search index; it will be rebuilt next start');
      }
    }
  }
  const save = async (version: string, structure: string) => {
    if (!opts.cacheDir) return;
    await persist(indexFile(opts.cacheDir, version), ms!, df!, structure);
  };
  return makeIndex(corpus, ms, df, fromCache, save);
}

/** What is stored with the index besides MiniSearch's own data. */
interface StoredExtra {
  df: [string, number][];
  structure: string;
}

/** The index file of a corpus version under `cacheDir`. */
export function indexFile(cacheDir: string, corpusVersion: string): string {
  return path.join(cacheDir, `index-v${SCHEMA}-${corpusVersion}.bin`);
}

/** A fingerprint of how the corpus was cut into passages (ids and offsets). */
function structureOf(paragraphs: Iterable<Paragraph>): string {
  const rows = [...paragraphs].map((p) => `${p.id}:${p.start}:${p.end}`).sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
}

async function persist(file: string, ms: MiniSearch<Doc>, df: Map<string, number>, structure: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, encodeIndex(ms as MiniSearch<unknown>, { df: [...df], structure } satisfies StoredExtra));
  await rename(tmp, file);
}

function countDf(a: Pick<Article, 'paragraphs'>, df: Map<string, number>, sign = 1): void {
  for (const p of a.paragraphs) {
    for (const t of new Set(indexTerms(p.text))) {
      const n = (df.get(t) ?? 0) + sign;
      if (n > 0) df.set(t, n);
      else df.delete(t);
    }
  }
}

function makeIndex(
  corpus: Corpus,
  ms: MiniSearch<Doc>,
  df: Map<string, number>,
  fromCache: boolean,
  save: (version: string, structure: string) => Promise<void>,
): MutableSearchIndex {
  const corrections = new Map<string, string>();
  const correct = (t: string): string => {
    if (df.has(t)) return t;
    const cached = corrections.get(t);
    if (cached !== undefined) return cached;
    if (/\d/.test(t)) {
      // "f-35" means "f-35b", "b52" means "b-52": model numbers match by prefix or without hyphens.
      const bare = t.replace(/-/g, '');
      let best = t;
      let bestDf = 0;
      for (const [v, n] of df) {
        if (n > bestDf && /\d/.test(v) && (v.replace(/-/g, '') === bare || (v.startsWith(t) && v.length - t.length <= 2))) {
          best = v;
          bestDf = n;
        }
      }
      corrections.set(t, best);
      return best;
    }
    if (t.length < 5) return t;
    const max = t.length >= 8 ? 2 : 1;
    let best = t;
    let bestDf = 0;
    for (const [v, n] of df) {
      if (n > bestDf && v[0] === t[0] && withinEdits(t, v, max)) {
        best = v;
        bestDf = n;
      }
    }
    if (corrections.size > 10_000) corrections.clear();
    corrections.set(t, best);
    return best;
  };
  // Passages whose title field holds a term (every passage carries its article's title): with `df` (the text field),
  // how common a term is in the passages a search scores. Made by the first search that needs it, then kept up to date.
  let titleDf: Map<string, number> | undefined;
  const titles = new Map<string, string>();
  const countTitle = (into: Map<string, number>, title: string, passageCount: number) => {
    for (const t of new Set(words(title).map(processTerm))) {
      if (!t) continue;
      const m = (into.get(t) ?? 0) + passageCount;
      if (m > 0) into.set(t, m);
      else into.delete(t);
    }
  };
  // Which paragraphs each article put in the index, so a changed or deleted file
  // leaves no stale passage behind (a stale passage would cite old offsets).
  const byArticle = new Map<string, Paragraph[]>();
  // Passages and sentences by id: made by the first lookup (a start builds neither), then kept up to date.
  let passages: Map<string, Paragraph> | undefined;
  let sentences: Map<string, Sentence> | undefined;
  let passageCount = 0;
  const titleDfOf = () => {
    if (!titleDf) {
      titleDf = new Map();
      for (const [id, paragraphs] of byArticle) countTitle(titleDf, titles.get(id)!, paragraphs.length);
    }
    return titleDf;
  };
  const passageMap = () => {
    if (!passages) {
      passages = new Map();
      for (const paragraphs of byArticle.values()) for (const p of paragraphs) passages.set(p.id, p);
    }
    return passages;
  };
  const sentenceMap = () => {
    if (!sentences) {
      sentences = new Map();
      for (const paragraphs of byArticle.values()) for (const p of paragraphs) for (const s of p.sentences) sentences.set(s.id, s);
    }
    return sentences;
  };
  const register = (a: Article) => {
    byArticle.set(a.id, a.paragraphs);
    titles.set(a.id, a.title);
    passageCount += a.paragraphs.length;
    if (titleDf) countTitle(titleDf, a.title, a.paragraphs.length);
    for (const p of passages || sentences ? a.paragraphs : []) {
      passages?.set(p.id, p);
      if (sentences) for (const s of p.sentences) sentences.set(s.id, s);
    }
  };
  let numberedView: NumberedPostings | undefined;
  const unregister = (articleId: string) => {
    numberedView = undefined;
    const old = byArticle.get(articleId);
    if (!old) return;
    for (const p of old) {
      if (ms.has(p.id)) ms.discard(p.id);
      passages?.delete(p.id);
      if (sentences) for (const s of p.sentences) sentences.delete(s.id);
    }
    countDf({ paragraphs: old }, df, -1);
    if (titleDf) countTitle(titleDf, titles.get(articleId) ?? '', -old.length);
    passageCount -= old.length;
    titles.delete(articleId);
    byArticle.delete(articleId);
  };
  corpus.articles.forEach(register);
  // MiniSearch's own postings (term → field → passage → count), read for `holds`: it has no public call for one passage.
  const internal = ms as unknown as { _index?: { get(term: string): Map<number, Map<number, number>> | undefined }; _idToShortId?: Map<string, number>; _documentIds?: Map<number, string>; _fieldIds?: Record<string, number> };
  return {
    get version() {
      return corpus.version;
    },
    get size() {
      // Passage ids are unique (an article's file name, then the paragraph's number): the passages' count.
      return passageCount;
    },
    fromCache,
    holding(term: string) {
      const field = internal._fieldIds?.text;
      const ids = internal._idToShortId;
      const posting = field === undefined ? undefined : internal._index?.get(term)?.get(field);
      if (!ids) return undefined;
      return (passageId: string) => {
        const short = ids.get(passageId);
        return short !== undefined && !!posting?.has(short);
      };
    },
    numbered() {
      const field = internal._fieldIds?.text;
      const ids = internal._idToShortId;
      if (!ids || field === undefined) return undefined;
      // One view until the index changes (add, remove): a caller may keep what it read by the view.
      return (numberedView ??= {
        numberOf: (passageId: string) => ids.get(passageId),
        holding: (term: string) => internal._index?.get(term)?.get(field),
        passageIdOf: (n: number) => internal._documentIds?.get(n),
      });
    },
    search(query: string, o: SearchOptions = {}): PassageHit[] {
      const allowed = o.articles ? new Set(o.articles) : undefined;
      // Typos MiniSearch's fuzzy match misses (a swapped pair is two Levenshtein edits) are corrected first.
      // Index terms (o.terms) the index holds are searched as they are: stemming a stem again may change it.
      const asTerm = (w: string) => (o.terms && df.has(w) && !STOPWORDS.has(w) ? w : processTerm(w));
      const toks = words(query)
        .map((w) => {
          const t = asTerm(w);
          return t && !df.has(t) ? correct(t) : w;
        });
      // On a large corpus, words found in one passage in twenty cost most of the search and
      // decide nothing: retrieve by the distinctive ones (callers rescore with every word).
      // A word in an article's title is matched in every passage of the article (the title field):
      // one written in most titles ("row" in "… row deepens") is as common as a word of most texts.
      let kept = toks;
      if (passageCount > 2000) {
        const titleCounts = titleDfOf();
        const passagesWith = (t: string) => Math.max(df.get(t) ?? 0, titleCounts.get(t) ?? 0);
        const withDf = toks.map((w) => ({ w, n: passagesWith(asTerm(w) ?? '') }));
        const rare = withDf.filter((x) => x.n < passageCount * 0.05);
        kept = (rare.length ? rare : withDf.sort((a, b) => a.n - b.n).slice(0, 2)).map((x) => x.w);
      }
      const q = kept.join(' ');
      // A term the corpus has is matched exactly: fuzzy and prefix expansion of common words makes
      // MiniSearch score most of a large corpus (and unknown terms were corrected above).
      // MiniSearch hands boostTerm the processed term: the weights are keyed the same way.
      const boost = o.boost ? new Map(Object.entries(o.boost).map(([w, b]) => [processTerm(w) ?? w, b])) : undefined;
      // The query as MiniSearch would run it (its tokenizer and processTerm); only the best `limit` hits are made into results.
      const specs: TermSpec[] = words(q)
        .map(asTerm)
        .filter((t): t is string => !!t)
        .map((term) => ({
          term,
          fuzzy: df.has(term) || term.length < 5 ? false : 0.2,
          prefix: !df.has(term) && term.length >= 4,
          boost: boost?.get(term) ?? 1,
        }));
      const hits = topHits(ms, specs, o.limit ?? 20, allowed ? (f) => allowed.has(f?.articleId as string) : undefined);
      return hits.map((h) => ({
        id: String(h.id),
        articleId: h.articleId as string,
        score: h.score,
        terms: h.queryTerms,
        match: h.match,
      }));
    },
    passage: (id) => passageMap().get(id),
    sentence: (id) => sentenceMap().get(id),
    vocabulary: () => df.keys(),
    correct,
    docFreq: (term) => df.get(stem(term)) ?? df.get(term) ?? 0,
    add(a: Article) {
      corrections.clear();
      unregister(a.id);
      for (const p of a.paragraphs) if (ms.has(p.id)) ms.discard(p.id);
      ms.addAll(docsOf(a));
      countDf(a, df);
      register(a);
    },
    remove: unregister,
    save: (version: string) => save(version, structureOf(passageMap().values())),
  };
}
