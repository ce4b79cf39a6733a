/**
 * A visible-text view of an HTML article that keeps exact raw offsets: each line
 * (block element) maps every character back into the file, so quotes stay verbatim.
 * Deliberately small: news pages need paragraphs, headings and meta tags, not a DOM.
 */
import type { ArticleMeta } from '../types.js';
import { parseDateLine, type Line } from './clean.js';

const SKIP = new Set(['script', 'style', 'head', 'nav', 'footer', 'aside', 'form', 'noscript', 'svg', 'button', 'iframe', 'template', 'figure', 'figcaption']);
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table',
  'article', 'section', 'header', 'main', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'body', 'html', 'title',
]);

export interface HtmlLine extends Line {
  /** Raw offset of character k of `text`. */
  map: (k: number) => number;
}

export interface HtmlView {
  lines: HtmlLine[];
  runs: [number, number][];
  meta: Partial<ArticleMeta>;
}

export function htmlView(raw: string, from = 0): HtmlView {
  const lines: HtmlLine[] = [];
  const runs: [number, number][] = [];
  const meta: Partial<ArticleMeta> = {};
  let pieces: { t: number; r: number; len: number }[] = [];
  let text = '';
  let endsWithSpace = false; // tracked, not text.endsWith(): that flattens the growing string each time (quadratic)
  const endLine = () => {
    if (text.trim()) {
      const ps = pieces;
      const map = (k: number) => {
        // Binary search (pieces are contiguous and ordered by t): a linear scan per lookup was quadratic.
        let lo = 0;
        let hi = ps.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (ps[mid]!.t <= k) lo = mid;
          else hi = mid - 1;
        }
        const p = ps[lo]!;
        if (k >= p.t && k < p.t + p.len) return p.r + (k - p.t);
        const last = ps[ps.length - 1]!;
        return last.r + last.len - 1;
      };
      lines.push({ text, start: ps[0]!.r, end: ps[ps.length - 1]!.r + ps[ps.length - 1]!.len, map });
    }
    pieces = [];
    text = '';
    endsWithSpace = false;
  };
  const tagRe = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g;
  let pos = from;
  let skipDepth = 0;
  let skipTag = '';
  let inTitle = false;
  let titleText = '';
  let m: RegExpExecArray | null;
  tagRe.lastIndex = from;
  while ((m = tagRe.exec(raw))) {
    if (m.index > pos && skipDepth === 0) {
      const chunk = raw.slice(pos, m.index);
      if (inTitle) titleText += chunk;
      else if (chunk.trim()) {
        pieces.push({ t: text.length, r: pos, len: chunk.length });
        runs.push([pos, m.index]);
        text += chunk.replace(/[\r\n\t]/g, ' ');
        endsWithSpace = /[ \r\n\t]$/.test(chunk);
      } else if (text && !endsWithSpace) {
        // whitespace between inline elements: keep one space for readability, mapped to its first char
        pieces.push({ t: text.length, r: pos, len: 1 });
        text += ' ';
        endsWithSpace = true;
      }
    }
    pos = m.index + m[0].length;
    if (!m[2]) continue; // comment
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'meta' && !closing) readMeta(attrs, meta);
    if (tag === 'script' && !closing && /application\/ld\+json/i.test(attrs)) {
      const close = raw.indexOf('</script', tagRe.lastIndex);
      if (close > 0) readJsonLd(raw.slice(tagRe.lastIndex, close), meta);
    }
    if (tag === 'link' && /rel=["']?canonical/i.test(attrs)) meta.url ??= attr(attrs, 'href');
    if (tag === 'title') {
      inTitle = !closing;
      if (closing && titleText.trim()) meta.title ??= titleText.trim();
      continue;
    }
    if (SKIP.has(tag) && !(tag === 'head')) {
      if (!closing && !attrs.trim().endsWith('/')) {
        if (skipDepth === 0) skipTag = tag;
        if (tag === skipTag) skipDepth++;
      } else if (closing && tag === skipTag && skipDepth > 0) skipDepth--;
      continue;
    }
    if (BLOCK.has(tag)) endLine();
  }
  if (skipDepth === 0 && pos < raw.length) {
    const chunk = raw.slice(pos);
    if (chunk.trim()) {
      pieces.push({ t: text.length, r: pos, len: chunk.length });
      runs.push([pos, raw.length]);
      text += chunk.replace(/[\r\n\t]/g, ' ');
    }
  }
  endLine();
  // Trim each line's leading/trailing spaces while keeping the map consistent.
  const trimmed = lines.map((l) => {
    const lead = l.text.length - l.text.trimStart().length;
    const t = l.text.trim();
    return { text: t, start: l.map(lead), end: l.map(lead + t.length - 1) + 1, map: (k: number) => l.map(k + lead) };
  });
  return { lines: trimmed, runs, meta };
}

function attr(attrs: string, name: string): string | undefined {
  const m = attrs.match(new RegExp(`${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

/** Meta tags that carry the publication date, the outlet and the author, as sites name them. */
const META_DATE = new Set(['article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'cxenseparse:recs:publishtime']);
const META_OUTLET = new Set(['og:site_name', 'publisher', 'application-name', 'dc.publisher', 'cxenseparse:site']);
const META_AUTHOR = new Set(['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'cxenseparse:author']);

function readMeta(attrs: string, meta: Partial<ArticleMeta>): void {
  const key = (attr(attrs, 'property') ?? attr(attrs, 'name') ?? attr(attrs, 'itemprop') ?? '').toLowerCase();
  const content = attr(attrs, 'content')?.trim();
  if (!content) return;
  if (META_OUTLET.has(key)) meta.outlet ??= content;
  else if (key === 'og:title') meta.title ??= content;
  else if (META_AUTHOR.has(key)) {
    // A profile link is not a name; "By Jane Doe" is.
    if (!/^https?:|^\/|@/.test(content)) meta.author ??= content.replace(/^by:?\s+/i, '');
  } else if (key === 'og:url') meta.url ??= content;
  else if (META_DATE.has(key)) {
    const d = content.match(/^(\d{4}-\d{2}-\d{2})/)?.[1] ?? parseDateLine(content);
    if (d) meta.date ??= d;
  }
}

/** A JSON-LD block (schema.org NewsArticle and kin): datePublished, headline, publisher and author names. */
function readJsonLd(src: string, meta: Partial<ArticleMeta>): void {
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch {
    return;
  }
  const nodes: Record<string, unknown>[] = [];
  const collect = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(collect);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      nodes.push(o);
      if (o['@graph']) collect(o['@graph']);
    }
  };
  collect(data);
  const isArticle = (o: Record<string, unknown>) => [o['@type']].flat().some((t) => typeof t === 'string' && /Article|Posting|Report|NewsArticle/i.test(t));
  const nameOf = (x: unknown): string | undefined => {
    const first = Array.isArray(x) ? x[0] : x;
    if (typeof first === 'string') return first.trim() || undefined;
    if (first && typeof first === 'object' && typeof (first as Record<string, unknown>).name === 'string') return ((first as Record<string, unknown>).name as string).trim() || undefined;
    return undefined;
  };
  for (const o of nodes.filter(isArticle)) {
    if (typeof o.datePublished === 'string') {
      const d = o.datePublished.match(/^(\d{4}-\d{2}-\d{2})/)?.[1] ?? parseDateLine(o.datePublished);
      if (d) meta.date ??= d;
    }
    if (typeof o.headline === 'string' && o.headline.trim()) meta.title ??= o.headline.trim();
    const publisher = nameOf(o.publisher);
    if (publisher) meta.outlet ??= publisher;
    const author = o.author;
    const authorType = Array.isArray(author) ? (author[0] as Record<string, unknown> | undefined)?.['@type'] : (author as Record<string, unknown> | undefined)?.['@type'];
    const name = nameOf(author);
    // An organisation credited as author is the outlet ("author": {"@type": "Organization", "name": "Reuters"}).
    if (name && authorType === 'Organization') meta.outlet ??= name;
    else if (name && !/^https?:/.test(name)) meta.author ??= name;
  }
}

/** A verbatim quote of raw[start, end): for markup files, the visible fragments joined with " … ". */
export function quoteOf(article: { raw: string; runs?: [number, number][] }, start: number, end: number): string {
  if (!article.runs) return article.raw.slice(start, end);
  const parts: string[] = [];
  for (const [rs, re] of article.runs) {
    if (re <= start || rs >= end) continue;
    const frag = article.raw.slice(Math.max(rs, start), Math.min(re, end)).trim();
    if (frag) parts.push(frag);
  }
  return parts.join(' … ');
}
