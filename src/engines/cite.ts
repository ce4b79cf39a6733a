/**
 * Citations: turning corpus sentences into numbered, verbatim quotes. Every engine
 * builds its citations here, so there is one place where quotes are made.
 */
import { quoteOf } from '../corpus/html.js';
import type { Article, Citation, Corpus, Sentence } from '../types.js';

/** Accumulates citations for one answer, merging repeats of the same sentences or the same quote. */
export interface Citer {
  /** Cite one or more sentences (of one article, in order); returns the citation number. */
  cite(sentences: Sentence[]): number;
  /** Take a citation made for another answer (e.g. the timeline's), renumbered into this list. */
  adopt(c: Citation): number;
  readonly citations: Citation[];
}

export function createCiter(corpus: Corpus): Citer {
  const citations: Citation[] = [];
  const byKey = new Map<string, number>();
  const byQuote = new Map<string, number>();
  const adopt = (c: Citation): number => {
    const key = `${c.source}\u0000${c.quote}`;
    const hit = byQuote.get(key);
    if (hit) return hit;
    const n = citations.length + 1;
    citations.push({ ...c, n });
    byQuote.set(key, n);
    return n;
  };
  return {
    citations,
    adopt,
    cite(sentences) {
      const sorted = [...sentences].sort((a, b) => a.start - b.start);
      const key = sorted.map((s) => s.id).join('|');
      const existing = byKey.get(key);
      if (existing) return existing;
      const article = corpus.byId.get(sorted[0]!.articleId)!;
      const n = adopt({ ...citationMeta(article), n: 0, quote: quoteSentences(article, sorted), sentenceIds: sorted.map((s) => s.id) });
      byKey.set(key, n);
      return n;
    },
  };
}

export function citationMeta(a: Article): Omit<Citation, 'n' | 'quote'> {
  return { source: a.id, title: a.title, outlet: a.outlet, date: a.date, url: a.url };
}

/** The verbatim text of consecutive sentences; non-adjacent ones are joined with " … ". */
export function quoteSentences(article: Article, sentences: Sentence[]): string {
  const parts: string[] = [];
  let runStart = sentences[0]!.start;
  let runEnd = sentences[0]!.end;
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i]!;
    const gap = article.raw.slice(runEnd, s.start);
    if (/^\s*$/.test(gap)) runEnd = s.end;
    else {
      parts.push(quoteOf(article, runStart, runEnd));
      runStart = s.start;
      runEnd = s.end;
    }
  }
  parts.push(quoteOf(article, runStart, runEnd));
  return parts.join(' … ');
}

/** A short human label for an article: outlet, else title. */
export function sourceLabel(a: { outlet: string | null; title: string }): string {
  return a.outlet ?? a.title;
}
