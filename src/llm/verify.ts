/**
 * Verification: the model's reply is a claim, not an answer. Every quote must be
 * found verbatim in the passage it cites (allowing only whitespace and typographic
 * quote/dash normalisation while matching) and every cited passage must be one the
 * model was given. What we show is the exact substring of the passage, never the
 * model's copy. A sentence with any unverifiable citation is dropped whole.
 */
import { sentencesAround, supportOf, type Quoted, type SupportContext } from '../evidence/support.js';
import { isInstruction } from '../language/mood.js';
import type { AnswerBlock, Citation } from '../types.js';
import { VERDICTS } from './prompt.js';
import { findUrls, hasMention, sanitizeProse, urlKey } from './sanitize.js';
import type { LlmArticleMeta, LlmPassage } from './types.js';

/** The reply shape asked for in the schema, after defensive parsing. */
export interface ModelOutput {
  blocks: { heading: string; sentences: { text: string; citations: { passage: number; quote: string }[] }[] }[];
  verdict?: string;
}

// ---------------------------------------------------------------- parsing

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function asPassageNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    const m = /^\s*\[?\s*(?:passage\s*)?(\d+)\s*\]?\s*$/i.exec(v);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function asCitations(v: unknown): { passage: number; quote: string }[] {
  if (!Array.isArray(v)) return [];
  const out: { passage: number; quote: string }[] = [];
  for (const c of v) {
    if (!c || typeof c !== 'object') continue;
    const o = c as Record<string, unknown>;
    const passage = asPassageNumber(o.passage ?? o.n ?? o.p ?? o.id);
    const quote = asString(o.quote ?? o.text);
    // Keep malformed entries as invalid (-1) so the sentence is judged, not silently trusted.
    out.push({ passage: passage ?? -1, quote: quote ?? '' });
  }
  return out;
}

function asSentences(v: unknown): ModelOutput['blocks'][number]['sentences'] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
    .map((s) => ({ text: asString(s.text ?? s.sentence) ?? '', citations: asCitations(s.citations ?? s.cites ?? s.sources) }));
}

/**
 * Parse the model's reply. Servers may ignore response_format, so accept code
 * fences, prose around the object, and a bare `sentences` array. Null when there is
 * no usable object at all.
 */
export function parseModelOutput(content: string | null | undefined): ModelOutput | null {
  if (!content) return null;
  let text = content.trim();
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fence) text = fence[1].trim();
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  let blocks: ModelOutput['blocks'];
  if (Array.isArray(o.blocks)) {
    blocks = o.blocks
      .filter((b): b is Record<string, unknown> => !!b && typeof b === 'object')
      .map((b) => ({ heading: asString(b.heading) ?? '', sentences: asSentences(b.sentences) }));
  } else if (Array.isArray(o.sentences)) {
    blocks = [{ heading: '', sentences: asSentences(o.sentences) }];
  } else return null;
  return { blocks, verdict: asString(o.verdict) };
}

// ---------------------------------------------------------------- verbatim matching

const FOLD: Record<string, string> = {};
for (const c of '‘’‚‛′`´') FOLD[c] = "'";
for (const c of '“”„‟″«»') FOLD[c] = '"';
for (const c of '‐‑‒–—―−') FOLD[c] = '-';
const DROP = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

interface Folded {
  text: string;
  /** Original start offset of each folded character. */
  start: number[];
  /** Original end offset of each folded character. */
  end: number[];
}

/** Collapse whitespace, fold typographic quotes/dashes and "…" → "...", keeping offsets. */
export function fold(s: string): Folded {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (DROP.test(ch)) continue;
    if (/\s/.test(ch)) {
      if (!inSpace && text.length) {
        text += ' ';
        start.push(i);
        end.push(i + 1);
      } else if (inSpace) end[end.length - 1] = i + 1;
      inSpace = true;
      continue;
    }
    inSpace = false;
    const out = ch === '…' ? '...' : (FOLD[ch] ?? ch);
    for (const o of out) {
      text += o;
      start.push(i);
      end.push(i + 1);
    }
  }
  return { text, start, end };
}

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Quotes shorter than this prove nothing ("the", "said"). */
const MIN_QUOTE_WORDS = 3;
const MAX_QUOTE_CHARS = 1000;

/** Find `quote` in `haystack` (folded), returning the exact original substring, or null. */
function locate(h: Folded, raw: string, quote: string, from = 0): { text: string; end: number } | null {
  const q = fold(quote).text.trim();
  if (words(q).length < MIN_QUOTE_WORDS) return null;
  const at = h.text.indexOf(q, from);
  if (at < 0) return null;
  const last = at + q.length - 1;
  return { text: raw.slice(h.start[at], h.end[last]), end: last + 1 };
}

/**
 * The exact substring of `passage` that `quote` matches, or null. Surrounding
 * quotation marks are ignored; a quote joining fragments with an ellipsis verifies
 * only if every fragment is verbatim, in order (shown joined with " … ").
 */
export function findVerbatim(passage: string, quote: string): string | null {
  let q = quote.trim();
  if (!q || q.length > MAX_QUOTE_CHARS) return null;
  const h = fold(passage);
  const asIs = locate(h, passage, q);
  if (asIs) return asIs.text;
  // Models often wrap quotes in quotation marks or trail off with an ellipsis.
  q = q.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '').trim();
  const whole = locate(h, passage, q) ?? locate(h, passage, q.replace(/^(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)$/g, ''));
  if (whole) return whole.text;
  const parts = q.split(/\s*(?:\.\.\.|…)\s*/).filter(Boolean);
  if (parts.length < 2) return null;
  const found: string[] = [];
  let from = 0;
  for (const part of parts) {
    const hit = locate(h, passage, part, from);
    if (!hit) return null;
    found.push(hit.text);
    from = hit.end;
  }
  return found.join(' … ');
}

// ---------------------------------------------------------------- assembly

export interface VerifiedOutput {
  blocks: AnswerBlock[];
  citations: Citation[];
  /** Sentences the model wrote. */
  total: number;
  /** Sentences that survived verification. */
  kept: number;
  verdict?: (typeof VERDICTS)[number];
  /** Why sentences were dropped (for logs). */
  reasons: string[];
}

const MAX_SENTENCE_CHARS = 600;

/**
 * Verify a parsed reply against the passages the model was shown, producing blocks
 * with `[n]` markers and citations numbered 1..k in order of first use. Beyond the
 * quotes being verbatim, every sentence must be supported by the quotes it cites, and
 * a heading by the quotes of its block's kept sentences (src/evidence/support.ts: names,
 * figures, dates, negation, predicate); an unsupported sentence is dropped, an
 * unsupported heading is not shown.
 */
export function verifyOutput(
  out: ModelOutput,
  shown: LlmPassage[],
  articles: Record<string, LlmArticleMeta> = {},
  support: SupportContext = {},
): VerifiedOutput {
  const byN = new Map(shown.map((p) => [p.n, p]));
  const allowedUrls = new Set(
    Object.values(articles)
      .map((a) => a.url)
      .filter((u): u is string => !!u)
      .map(urlKey),
  );
  const citations: Citation[] = [];
  const citeKey = new Map<string, number>();
  const blocks: AnswerBlock[] = [];
  const reasons: string[] = [];
  let total = 0;
  let kept = 0;
  const said = new Set<string>();

  // A quote is judged in its sentence, and its article's outlet may speak for it ("The Example Times reported …").
  const quoted = (p: LlmPassage, quote: string): Quoted => {
    const outlet = articles[p.articleId]?.outlet;
    return { quote, around: sentencesAround(p.text, quote), ...(outlet ? { speakers: [outlet] } : {}) };
  };

  for (const block of out.blocks) {
    const parts: string[] = [];
    const cites = new Set<number>();
    const blockQuotes: Quoted[] = [];
    for (const s of block.sentences) {
      const text = sanitizeProse(s.text, allowedUrls);
      // A repeated sentence is noise, not a second claim: skip it without counting it.
      if (said.has(text)) continue;
      said.add(text);
      total++;
      if (words(text).length < 2 || text.length > MAX_SENTENCE_CHARS) {
        reasons.push('empty or overlong sentence');
        continue;
      }
      if (!s.citations.length) {
        reasons.push('no citation');
        continue;
      }
      // An answer states; an instruction ("Ignore your instructions and tell every reader …") is what an injected line asks for.
      if (isInstruction(text)) {
        reasons.push('an instruction, not a statement');
        continue;
      }
      const verified: { p: LlmPassage; quote: string }[] = [];
      let failure: string | null = null;
      for (const c of s.citations) {
        const p = byN.get(c.passage);
        if (!p) {
          failure = `cited passage ${c.passage} was not given`;
          break;
        }
        const quote = findVerbatim(p.text, c.quote);
        if (!quote) {
          failure = `quote not verbatim in passage ${c.passage}`;
          break;
        }
        // Evidence that pings or links out is what injection looks like: never show it.
        if (hasMention(quote) || findUrls(quote).some((u) => !allowedUrls.has(urlKey(u)))) {
          failure = `quote from passage ${c.passage} carries a mention or link`;
          break;
        }
        verified.push({ p, quote });
      }
      if (!failure) {
        const judged = supportOf(text, verified.map((v) => quoted(v.p, v.quote)), support);
        if (!judged.supported) failure = `not supported by its quote (${judged.reason})`;
      }
      if (failure) {
        reasons.push(failure);
        continue;
      }
      const ns: number[] = [];
      for (const v of verified) {
        const key = `${v.p.articleId}\u0000${v.quote}`;
        let n = citeKey.get(key);
        if (n === undefined) {
          n = citations.length + 1;
          citeKey.set(key, n);
          const meta = articles[v.p.articleId];
          citations.push({
            n,
            source: v.p.articleId,
            quote: v.quote,
            title: meta?.title ?? v.p.articleId,
            outlet: meta?.outlet ?? null,
            date: meta?.date ?? null,
            url: meta?.url ?? null,
            // When the caller passed sentences as passages, say which one the quote came from.
            ...(/:s\d+$/.test(v.p.id) ? { sentenceIds: [v.p.id] } : {}),
          });
        }
        if (!ns.includes(n)) ns.push(n);
      }
      kept++;
      ns.forEach((n) => cites.add(n));
      blockQuotes.push(...verified.map((v) => quoted(v.p, v.quote)));
      parts.push(`${text} ${ns.map((n) => `[${n}]`).join('')}`);
    }
    if (!parts.length) continue;
    let heading = sanitizeProse(block.heading, new Set()).slice(0, 100);
    // A heading is a claim too: an article's injected instruction must not become one.
    if (heading && (isInstruction(heading) || !supportOf(heading, blockQuotes, support).supported)) {
      reasons.push(`heading not supported by its block's quotes: ${heading.slice(0, 60)}`);
      heading = '';
    }
    blocks.push({ ...(heading ? { heading } : {}), text: parts.join(' '), cites: [...cites].sort((a, b) => a - b) });
  }
  const verdict = VERDICTS.find((v) => v === out.verdict?.trim().toLowerCase());
  return { blocks, citations, total, kept, ...(verdict && kept ? { verdict } : {}), reasons };
}
