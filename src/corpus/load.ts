/**
 * Load a folder of articles (.txt, .md, .html) into a Corpus: cleaned paragraphs
 * and sentences with exact offsets into each original file, inferred metadata,
 * and near-duplicate overlaps. Broken files are skipped with a warning naming them.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Logger } from '../log.js';
import type { Article, ArticleMeta, Corpus, LoadWarning, Overlap, Paragraph, Sentence } from '../types.js';
import {
  bylineIn, dateInUrl, dateLineIn, isBoilerplateLine, isHeading, isProse, metaParts, outletFromUrl, outletInLine, parseDateLine,
  splitGluedKicker, trailingBoilerplate, updatedIn, urlInLine, type DateLineKind, type Line,
} from './clean.js';
import { agencyName, creditIn, isNewsroomByline, isRole, looksLikeOutlet, mastheadIn, type Credit } from './credits.js';
import { findOverlaps } from './overlap.js';
import { addDays, parseYmd, ymdToIso } from '../index/dates.js';
import { splitSentences } from './sentences.js';
import { htmlView } from './html.js';
import { OUTLET_WORDS, alternation } from '../language/lexicon/index.js';

/** Files larger than this are skipped: no news article is this long. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

/** The corpus folder itself is unusable (missing, not a folder, no articles). */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

export interface LoadOptions {
  log?: Logger;
}

/** Load every article in `dir`. Throws CorpusError when the folder is missing or holds no usable article. */
export async function loadCorpus(dir: string, opts: LoadOptions = {}): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const ext = path.extname(name).toLowerCase();
    if (!ARTICLE_EXTENSIONS.has(ext)) continue;
    const file = path.join(dir, name);
    const result = await loadArticleFile(file);
    if ('reason' in result) {
      warnings.push({ file: name, reason: result.reason });
      opts.log?.warn({ file: name }, `skipped article ${name}: ${result.reason}`);
    } else articles.push(result);
  }
  if (articles.length === 0) {
    throw new CorpusError(
      `No usable articles in ${dir}` + (warnings.length ? ` (${warnings.map((w) => `${w.file}: ${w.reason}`).join('; ')})` : ''),
    );
  }
  return makeCorpus(dir, articles, warnings);
}

/**
 * Assemble a Corpus from loaded articles (also used when one article is added at run time).
 * `overlaps`: the near-duplicate overlaps of exactly these articles, computed elsewhere (a worker
 * thread that read the same version: at 10,000 articles `findOverlaps` is ~20 s of CPU).
 */
export function makeCorpus(dir: string, articles: Article[], warnings: LoadWarning[] = [], overlaps?: Overlap[]): Corpus {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { dir, articles, byId, overlaps: overlaps ?? findOverlaps(articles), warnings, version: corpusVersion(articles) };
}

/** The version of a corpus of these articles (what `makeCorpus` stamps), without assembling it. */
export function corpusVersion(articles: readonly Pick<Article, 'id' | 'hash'>[]): string {
  return createHash('sha256')
    .update(articles.map((a) => `${a.id}:${a.hash}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** Load one file, or explain why it cannot be used. */
export async function loadArticleFile(file: string): Promise<Article | { reason: string }> {
  const name = path.basename(file);
  let info;
  let source = file;
  try {
    info = await lstat(file);
    if (info.isSymbolicLink()) {
      // A link may point anywhere (a system file, another user's data): follow it only when it stays inside the corpus folder.
      const [target, folder] = await Promise.all([realpath(file), realpath(path.dirname(file))]);
      const rel = path.relative(folder, target);
      if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { reason: 'it is a symbolic link to a file outside the corpus folder (not followed)' };
      source = target; // read what was checked, not the link again
      info = await stat(source);
    }
  } catch (err) {
    return { reason: `cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!info.isFile()) return { reason: 'not a regular file' };
  if (info.size === 0) return { reason: 'the file is empty' };
  if (info.size > MAX_FILE_BYTES) {
    return { reason: `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  }
  let buf: Buffer;
  try {
    buf = await readFile(source);
  } catch (err) {
    return { reason: `cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (buf.includes(0)) return { reason: 'it looks binary (contains NUL bytes), not text' };
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { reason: 'it is not valid UTF-8 text' };
  }
  const article = parseArticle(name, raw, { path: file, addedAt: info.mtimeMs });
  if (article.sentences.length === 0) return { reason: 'no article text found in it' };
  return article;
}

/** Markup, not text: it opens with a tag of a page or a paragraph and closes paragraphs or blocks at least twice. */
function looksLikeHtml(raw: string): boolean {
  const head = raw.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  if (!/^<(?:!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|section)\b[^>]*>/i.test(head)) return false;
  return (raw.match(/<\/(?:p|div|h[1-6]|li|section|article)>/gi) ?? []).length >= 2;
}

interface ParseExtra {
  path?: string;
  addedAt?: number;
}

/** Parse one article's text (pure; exported for tests and for adding articles at run time). */
export function parseArticle(id: string, raw: string, extra: ParseExtra = {}): Article {
  const ext = path.extname(id).toLowerCase();
  // A page's markup saved under another name (".txt" holding "<p>…</p><p>…</p>") is read as the HTML it is.
  const format: Article['format'] = ext === '.html' || ext === '.htm' || (ext !== '.md' && ext !== '.markdown' && looksLikeHtml(raw)) ? 'html' : ext === '.md' || ext === '.markdown' ? 'md' : 'txt';
  const hash = createHash('sha256').update(raw).digest('hex');

  // Front matter (--- yaml ---) overrides inferred metadata.
  let bodyStart = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  let front: Partial<ArticleMeta> = {};
  const fm = raw.slice(bodyStart).match(/^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/);
  if (fm) {
    front = frontMatter(fm[1]!);
    bodyStart += fm[0].length;
  }

  let lines: Line[];
  let runs: [number, number][] | undefined;
  let htmlMeta: Partial<ArticleMeta> = {};
  if (format === 'html') {
    const view = htmlView(raw, bodyStart);
    lines = view.lines;
    runs = view.runs;
    htmlMeta = view.meta;
    // A newsroom in the author tag ("KSLA Staff", "Reuters") is the outlet, never an author.
    if (htmlMeta.author && isNewsroomByline(`By ${htmlMeta.author}`)) {
      htmlMeta.outlet ??= creditIn(`By ${htmlMeta.author}`, 'header')?.outlet;
      delete htmlMeta.author;
    }
  } else {
    lines = splitLines(raw, bodyStart);
    if (format === 'md') lines = lines.map(stripMarkdownLine);
  }

  // Header: the lines before the first prose line carry title/date/byline.
  const firstProse = lines.findIndex((l) => isProse(l.text));
  const headerEnd = firstProse < 0 ? Math.min(lines.length, 6) : firstProse;
  // The byline area: the header, or the first ten lines when the header is shorter (date under the lead).
  let topEnd = headerEnd;
  for (let i = 0, seen = 0; i < lines.length && seen < 10; i++) if (lines[i]!.text.trim() && ++seen === 10) topEnd = Math.max(headerEnd, i + 1);
  if (lines.filter((l) => l.text.trim()).length < 10) topEnd = lines.length;
  let title: string | null = null;
  let author: string | null = null;
  let url: string | null = null;
  for (const l of lines) url ??= urlInLine(l.text.trim());
  const hostKey = url ? hostKeyOf(url) : null;
  const dates: { date: string; kind: DateLineKind; top: boolean }[] = [];
  const credits: (Credit & { at: number })[] = [];
  const mastheads = new Set<string>();
  let bylineAt = -1;
  const newsroomBylines = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    const inHeader = i < headerEnd;
    const top = i < topEnd;
    const d = dateLineIn(t);
    if (d) dates.push({ ...d, top });
    const u = top && d ? updatedIn(t) : null;
    if (u) dates.push({ date: u, kind: 'updated', top });
    const c = creditIn(t, top ? 'header' : 'line');
    if (c) credits.push({ ...c, at: i });
    if (d && top && !c && t.split(/\s+/).length <= 16) {
      // A date line's other pieces: "29 March 2021 - 07:51 By Reuters", "Jane Doe | 6/22/2023, 2:19 p.m.".
      for (const part of metaParts(t)) {
        if (dateLineIn(part)) continue;
        const pc = creditIn(part, 'header');
        if (pc) credits.push({ ...pc, at: i });
        else if (!author && part.split(/\s+/).length <= 6 && !isNewsroomByline(part)) author = bylineIn(part, true);
      }
    }
    if (d || urlInLine(t)) continue;
    if (c && !['staff-byline', 'agency-byline', 'byline-outlet', 'name-outlet'].includes(c.form)) continue;
    // The line under a byline naming the newsroom ("By Jane Doe" / "The Example Courier").
    if (top && !c && bylineAt >= 0 && lines.slice(bylineAt + 1, i).every((l) => !l.text.trim()) && t.split(/\s+/).length <= 5 && looksLikeOutlet(t)) {
      credits.push({ outlet: agencyName(t) ?? t.replace(/[.,]$/, ''), form: 'byline-outlet-line', strength: 2, at: i });
      mastheads.add(norm(t));
      continue;
    }
    if (inHeader && !title) {
      const mast = mastheadIn(t, hostKey);
      if (mast) {
        credits.push({ ...mast, at: i });
        mastheads.add(norm(t));
        continue;
      }
    }
    if (top && isNewsroomByline(t)) {
      newsroomBylines.add(norm(t));
      continue; // "<Station> Staff", "Staff Report": the outlet, never an author
    }
    if (inHeader && !author) {
      const b = bylineIn(t, title !== null);
      if (b) {
        author = b;
        bylineAt = i;
        continue;
      }
    }
    if (inHeader && !title && !isBoilerplateLine(t) && t.split(/\s+/).length >= 3) {
      title = splitGluedKicker(t.replace(/^#+\s*/, '').replace(/[:\s]+$/, ''));
    }
  }
  // "<author>/<Outlet>" or "<author>, <Outlet>" near the top (a photo or byline credit): the author's newsroom.
  if (author) {
    const who = author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (let i = 0; i < topEnd; i++) {
      const m = lines[i]!.text.trim().match(new RegExp(`^(?:by:?\\s+)?${who}\\s*(?:/|,|\\|)\\s*([\\p{Lu}][\\p{L}\\d&.'’ -]{1,40})$`, 'iu'));
      if (m && !isRole(m[1]!)) credits.push({ outlet: m[1]!.trim(), form: 'author-affiliation', strength: 2, at: i });
    }
  }
  const rank = (k: DateLineKind) => (k === 'published' ? 0 : k === 'plain' ? 1 : 2);
  const byRank = (xs: typeof dates) => [...xs].sort((x, y) => rank(x.kind) - rank(y.kind))[0]?.date ?? null;
  // A date line near the top, else the date in the article's own link, else a date line further down.
  const date = byRank(dates.filter((x) => x.top)) ?? (url ? dateInUrl(url) : null) ?? byRank(dates);
  // Updated within the week after it ("Published: Feb. 22 | Updated: Feb. 23"): the text may be of either day.
  const updated = dates.filter((x) => x.top && x.kind === 'updated' && date && x.date > date && x.date <= ymdToIso(addDays(parseYmd(date)!, UPDATED_WITHIN))).map((x) => x.date).sort().pop();

  // Body: paragraphs of non-boilerplate, non-heading lines; repeated title lines dropped.
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const normTitle = title ? norm(title) : null;
  let current: Line[] = [];
  const flush = () => {
    if (current.length) addParagraph(id, raw, current, paragraphs, sentences, runs);
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (!t) {
      flush();
      continue;
    }
    const skip =
      isBoilerplateLine(t) || urlInLine(t) !== null || outletInLine(t) !== null || (mastheads.size > 0 && mastheads.has(norm(t))) || (newsroomBylines.size > 0 && newsroomBylines.has(norm(t))) ||
      (author !== null && norm(t) === norm(author)) || (author !== null && /^by\s/i.test(t) && bylineIn(t, false) !== null) ||
      (normTitle !== null && (norm(t) === normTitle || norm(splitGluedKicker(t)) === normTitle)) ||
      (isHeading(t) && !isListItem(t));
    if (skip) {
      flush();
      continue;
    }
    const cut = trailingBoilerplate(line.text);
    const l: Line = { ...line, text: line.text.slice(0, cut), end: cut === line.text.length ? line.end : line.start + cut }; // keep an HTML line's offset map
    // A hard-wrapped line continues the paragraph; otherwise each line is its own paragraph (news copy style).
    const prev = current[current.length - 1];
    const continues = prev && !/[.!?:"”’)…]\s*$/.test(prev.text) && /^\s*\p{Ll}/u.test(l.text);
    if (!continues && !(isListItem(t) && prev && isListItem(prev.text.trim()))) flush();
    current.push(l);
  }
  flush();

  const words = paragraphs.reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
  const meta: ArticleMeta = {
    title: front.title ?? htmlMeta.title ?? title ?? id,
    date: front.date ?? htmlMeta.date ?? date,
    author: front.author ?? htmlMeta.author ?? author,
    url: [front.url, htmlMeta.url, url].find((u) => u && /^https?:\/\/[^\s]+$/i.test(u)) ?? null, // only web links: no javascript:, relative or junk URLs
    outlet: front.outlet ?? htmlMeta.outlet ?? null,
    ...(updated && !front.date && !htmlMeta.date ? { updated } : {}),
  };
  if (!meta.outlet) meta.outlet = outletOf(credits, paragraphs, meta.url);
  return {
    id,
    path: extra.path ?? id,
    raw,
    format,
    ...meta,
    paragraphs,
    sentences,
    words,
    hash,
    addedAt: extra.addedAt ?? Date.now(),
    ...(runs ? { runs } : {}),
  };
}

/** How many days after its date an update may be and the article still be read as written on either day. */
const UPDATED_WITHIN = 7;

function isListItem(t: string): boolean {
  return /^[•·▪●*-]\s/.test(t);
}

function norm(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function splitLines(raw: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n') {
      let end = i;
      if (end > start && raw[end - 1] === '\r') end--;
      lines.push({ text: raw.slice(start, end), start, end });
      start = i + 1;
    }
  }
  return lines;
}

/** Markdown: drop heading markers and list markers from the line's span (offsets stay exact). */
function stripMarkdownLine(l: Line): Line {
  const m = l.text.match(/^(\s*(?:#{1,6}\s+|>\s*))/);
  const cut = m ? m[1]!.length : 0;
  const line = cut ? { text: l.text.slice(cut), start: l.start + cut, end: l.end } : l;
  // A whole line in emphasis ("*By Jane Doe*", "_Published March 2, 2020_") is read without the markers.
  const em = line.text.match(/^(\s*)(\*{1,3}|_{1,3})(?=\S)(.*\S)\2\s*$/);
  if (!em || em[3]!.includes(em[2]!)) return line;
  const lead = em[1]!.length + em[2]!.length;
  return { text: em[3]!, start: line.start + lead, end: line.start + lead + em[3]!.length };
}

function addParagraph(
  articleId: string,
  raw: string,
  lines: Line[],
  paragraphs: Paragraph[],
  sentences: Sentence[],
  runs: [number, number][] | undefined,
): void {
  const start = lines[0]!.start;
  const end = lines[lines.length - 1]!.end;
  // For plain text the paragraph text is the raw slice; for HTML it is the joined visible lines.
  const text = runs ? lines.map((l) => l.text).join('\n') : raw.slice(start, end);
  const index = paragraphs.length;
  const pid = `${articleId}:p${index}`;
  const para: Paragraph = { id: pid, articleId, index, start, end, text, sentences: [] };
  const offsets = runs ? lineOffsets(lines) : null;
  for (const span of splitSentences(text)) {
    const s = offsets ? offsets(span.start) : start + span.start;
    const e = offsets ? offsets(span.end - 1) + 1 : start + span.end;
    const sent: Sentence = {
      id: `${pid}:s${para.sentences.length}`,
      articleId,
      paragraph: index,
      index: para.sentences.length,
      start: s,
      end: e,
      text: text.slice(span.start, span.end),
    };
    para.sentences.push(sent);
    sentences.push(sent);
  }
  if (para.sentences.length) paragraphs.push(para);
}

/** Map an offset in the joined text of `lines` back to a raw offset (HTML lines hold visible text only). */
function lineOffsets(lines: Line[]): (i: number) => number {
  return (i: number) => {
    let acc = 0;
    for (const l of lines) {
      if (i < acc + l.text.length) return (l as Line & { map?: (k: number) => number }).map?.(i - acc) ?? l.start + (i - acc);
      acc += l.text.length + 1;
    }
    const last = lines[lines.length - 1]!;
    return last.end - 1;
  };
}

function frontMatter(src: string): Partial<ArticleMeta> {
  let data: unknown;
  try {
    data = parseYaml(src);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object') return {};
  const d = data as Record<string, unknown>;
  const str = (...keys: string[]) => {
    for (const k of keys) {
      const v = d[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    }
    return undefined;
  };
  const rawDate = str('date', 'published', 'publishedAt', 'published_at');
  const out: Partial<ArticleMeta> = {};
  const t = str('title', 'headline');
  if (t) out.title = t;
  if (rawDate) out.date = parseDateLine(rawDate) ?? (/^\d{4}-\d{2}-\d{2}/.test(rawDate) ? rawDate.slice(0, 10) : null);
  const a = str('author', 'byline', 'by');
  if (a) out.author = a;
  const o = str('outlet', 'publisher', 'source', 'site');
  if (o) out.outlet = o;
  const u = str('url', 'link', 'canonical');
  if (u) out.url = u;
  return out;
}

/**
 * The outlet from the credits the page prints: the strongest (a stated publisher over a newsroom
 * byline or wire dateline over a masthead's shape), the first of equals; else the article link's host.
 */
function outletOf(credits: (Credit & { at: number })[], paragraphs: Paragraph[], url: string | null): string | null {
  const all = [...credits];
  // Datelines open the story: only the first few paragraphs ("LONDON (Reuters) —", "(Newser) –").
  paragraphs.slice(0, 3).forEach((p, k) => {
    const c = creditIn(p.text, 'lead');
    if (c) all.push({ ...c, at: 1e6 + k });
  });
  if (url) {
    const named = outletFromUrl(url, mentionedOutlets(paragraphs));
    // A host the text names ("Miami Herald" for miamiherald.com) is as good as a credit; a bare host is a last resort.
    if (named) all.push({ outlet: named, form: 'url', strength: named.includes('.') ? 0 : 2, at: 2e6 });
  }
  all.sort((x, y) => y.strength - x.strength || x.at - y.at);
  return all[0]?.outlet ?? null;
}

/** A link's host as a key for comparing with printed names ("www.theguardian.co.uk" → "theguardian"). */
function hostKeyOf(url: string): string | null {
  try {
    const labels = new URL(url).hostname.toLowerCase().replace(/^(www|m|amp|edition|mobile)\./, '').split('.');
    labels.pop();
    if (labels.length > 1 && /^(co|com|org|net|ac|gov)$/.test(labels[labels.length - 1]!)) labels.pop();
    return labels.join('').replace(/[^a-z0-9]/g, '') || null;
  } catch {
    return null;
  }
}

/** Outlet-like names the body mentions ("the Miami Herald", "The Washington Post"), for naming a URL's host. */
function mentionedOutlets(paragraphs: Paragraph[]): string[] {
  const out = new Set<string>();
  const re = new RegExp(`\\b((?:The\\s+)?(?:[A-Z][\\w'’.-]+\\s+){0,3}(?:${alternation(OUTLET_WORDS)}))\\b`, 'g');
  for (const p of paragraphs) for (const m of p.text.matchAll(re)) out.add(m[1]!);
  return [...out];
}
