/**
 * Build (or load) the search index for a corpus. The MiniSearch index and the
 * term document frequencies are persisted under `cacheDir` keyed by the corpus
 * version and an index schema version, so a restart with an unchanged corpus
 * loads instead of rebuilding. Articles can be added at run time.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Logger } from '../log.js';
import type { Article, Corpus, Paragraph, Sentence } from '../types.js';
import type { PassageHit, SearchIndex, SearchOptions } from './search.js';
import { STOPWORDS, stem, terms, words } from './text.js';

/** Bump when tokenisation or stored fields change, so stale caches are ignored. */
const SCHEMA = 4;

interface Doc {
  id: string;
  articleId: string;
  text: string;
  title: string;
}

const processTerm = (t: string): string | null => {
  const w = words(t)[0];
  if (!w || STOPWORDS.has(w)) return null;
  return stem(w);
};

const OPTIONS = {
  fields: ['text', 'title'],
  storeFields: ['articleId'],
  tokenize: (text: string) => words(text),
  processTerm,
  searchOptions: {
    boost: { text: 1, title: 0.3 },
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
  /** Whether this index was loaded from the cache rather than built. */
  readonly fromCache: boolean;
}

function docsOf(a: Article): Doc[] {
  return a.paragraphs.map((p) => ({ id: p.id, articleId: a.id, text: p.text, title: a.title }));
}

export async function buildIndex(corpus: Corpus, opts: BuildIndexOptions = {}): Promise<MutableSearchIndex> {
  const file = opts.cacheDir ? path.join(opts.cacheDir, `index-v${SCHEMA}-${corpus.version}.json`) : undefined;
  let ms: MiniSearch<Doc> | undefined;
  let df: Map<string, number> | undefined;
  if (file) {
    try {
      const json = await readFile(file, 'utf8');
      const parsed = JSON.parse(json) as { index: unknown; df: [string, number][] };
      ms = MiniSearch.loadJS<Doc>(parsed.index as never, OPTIONS);
      df = new Map(parsed.df);
      opts.log?.debug({ file }, 'search index loaded from cache');
    } catch {
      ms = undefined; // missing or corrupt cache: rebuild
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
        await mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ index: ms.toJSON(), df: [...df] }));
        await rename(tmp, file);
      } catch (err) {
        opts.log?.warn({ err: (err as Error).message }, 'could not persist the search index; it will be rebuilt next start');
      }
    }
  }
  return makeIndex(corpus, ms, df, fromCache);
}

function countDf(a: Article, df: Map<string, number>): void {
  for (const p of a.paragraphs) for (const t of new Set(terms(p.text))) df.set(t, (df.get(t) ?? 0) + 1);
}

function makeIndex(corpus: Corpus, ms: MiniSearch<Doc>, df: Map<string, number>, fromCache: boolean): MutableSearchIndex {
  const passages = new Map<string, Paragraph>();
  const sentences = new Map<string, Sentence>();
  const register = (a: Article) => {
    for (const p of a.paragraphs) {
      passages.set(p.id, p);
      for (const s of p.sentences) sentences.set(s.id, s);
    }
  };
  corpus.articles.forEach(register);
  return {
    get version() {
      return corpus.version;
    },
    get size() {
      return passages.size;
    },
    fromCache,
    search(query: string, o: SearchOptions = {}): PassageHit[] {
      const allowed = o.articles ? new Set(o.articles) : undefined;
      const hits = ms.search(query, allowed ? { filter: (r) => allowed.has(r.articleId as string) } : undefined);
      return hits.slice(0, o.limit ?? 20).map((h) => ({
        id: String(h.id),
        articleId: h.articleId as string,
        score: h.score,
        terms: h.queryTerms,
        match: h.match,
      }));
    },
    passage: (id) => passages.get(id),
    sentence: (id) => sentences.get(id),
    vocabulary: () => df.keys(),
    docFreq: (term) => df.get(stem(term)) ?? df.get(term) ?? 0,
    add(a: Article) {
      for (const p of a.paragraphs) if (ms.has(p.id)) ms.discard(p.id);
      ms.addAll(docsOf(a));
      countDf(a, df);
      register(a);
    },
  };
}
