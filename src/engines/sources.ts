/**
 * /sources: every article with its metadata, the outlets and agencies it attributes
 * claims to, and its overlap with other articles.
 */
import type { Deps } from '../deps.js';
import type { Answer, Article, SourceInfo } from '../types.js';
import { NEAR_DUPLICATE_SHARE } from '../corpus/overlap.js';
import { corpusUnavailableNote } from '../corpus/watch.js';
import { COUNTRY_ABBREVIATIONS, ORG_NAME_CONNECTORS, OUTLET_WORDS, SENTENCE_OPENERS, STOPWORDS, TITLE_HEADS, alternation } from '../language/lexicon/index.js';

// Capitalised words on one line, with lower-case connectors inside a name ("Center for Strategic and
// International Studies"); a name never runs across a line break or a sentence end.
const CAP = "[\\p{Lu}][\\p{L}’'&-]*(?:\\.(?=\\p{Lu}))?";
const ORG_WORD = `(?:[Tt]he[ \\t]+)?${CAP}(?:[ \\t]+(?:(?:${ORG_NAME_CONNECTORS.join('|')})[ \\t]+)?${CAP}){0,5}`;
const ATTRIBUTION_PATTERNS: RegExp[] = [
  new RegExp(`according to (?:(?:a|an|the) (?:report|article|story) (?:by|in|from) )?(${ORG_WORD})`, 'gu'),
  new RegExp(`(?:told|tells|speaking to|in an interview with|interview on)\\s+(?:the\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}?(?:news agency|newspaper|broadcaster|outlet|network|channel|agency)?\\s*(${ORG_WORD})`, 'gu'),
  new RegExp(`(?:reported|first reported|reports|report)(?: by| in)\\s+(${ORG_WORD})`, 'gu'),
  new RegExp(`(${ORG_WORD})\\s+(?:reported|reports|has learned|first reported|says it(?:'|’)s obtained|said it obtained|obtained)`, 'gu'),
  new RegExp(`(?:obtained|cited) by\\s+(${ORG_WORD})`, 'gu'),
  new RegExp(`(?:an? )?(${ORG_WORD}) (?:report|article|interview)\\b`, 'gu'),
  new RegExp(`(?:news agency|newspaper|broadcaster)\\s+(${ORG_WORD})`, 'gu'),
];

/** Words that end up capitalised at sentence starts but are not outlets. */
const NOT_OUTLET = {
  test: (word: string): boolean => {
    const w = word.toLowerCase().replace(/\.$/, '');
    return STOPWORDS.has(w) || SENTENCE_OPENERS.has(w) || TITLE_HEADS.has(w) || w === 'official' || w.replace(/\./g, '') in COUNTRY_ABBREVIATIONS;
  },
};
const OUTLET_HINT = new RegExp(`\\b(?:${alternation(OUTLET_WORDS)})\\b`);

/** The outlets/agencies an article attributes claims to. */
export function attributedOutlets(a: Article): string[] {
  const found = new Map<string, string>();
  for (const re of ATTRIBUTION_PATTERNS) {
    for (const m of a.sentences.flatMap((s) => [...s.text.matchAll(re)])) {
      let name = m[1]!.trim().replace(/[’']s$/, '').replace(/[.,;:]+$/, '');
      name = name.replace(/^(?:the|The)\s+/, '');
      const last = name.split(/\s+/).pop()!;
      if (NOT_OUTLET.test(name) || NOT_OUTLET.test(last)) continue;
      if (!OUTLET_HINT.test(name) && !/^[A-Z]{3,6}$/.test(name)) continue;
      const key = name.toLowerCase().replace(/[^a-z]/g, '');
      if (!found.has(key)) found.set(key, name);
    }
  }
  // Prefer the longest spelling of each outlet ("Washington Post" over "Post").
  const names = [...found.values()];
  return names.filter((n) => !names.some((o) => o !== n && o.toLowerCase().endsWith(` ${n.toLowerCase()}`))).sort();
}

export function describeSources(deps: Deps): SourceInfo[] {
  const { corpus } = deps;
  return corpus.articles.map((a) => ({
    source: a.id,
    title: a.title,
    outlet: a.outlet,
    date: a.date,
    author: a.author,
    url: a.url,
    words: a.words,
    cites: attributedOutlets(a),
    overlapsWith: corpus.overlaps.filter((o) => o.source === a.id).map((o) => ({ source: o.within, share: o.share })),
  }));
}

export function sources(deps: Deps): Answer {
  const list = describeSources(deps);
  const blocks = list.map((s) => {
    const bits = [s.outlet, s.date ?? 'undated', s.author ? `by ${s.author}` : null, `${s.words.toLocaleString('en-US')} words`]
      .filter(Boolean)
      .join(' · ');
    const lines = [bits];
    if (s.url) lines.push(s.url);
    if (s.cites.length) lines.push(`Attributes claims to: ${s.cites.join(', ')}`);
    for (const o of s.overlapsWith) {
      const pct = Math.round(o.share * 100);
      lines.push(
        o.share >= NEAR_DUPLICATE_SHARE
          ? `Near-duplicate: ${pct}% of its text also appears in ${o.source}`
          : `Shares ${pct}% of its text with ${o.source}`,
      );
    }
    return { heading: `${s.title} (${s.source})`, text: lines.join('\n'), cites: [] };
  });
  const down = corpusUnavailableNote(deps.corpus);
  const warn = [...(down ? [down] : []), ...deps.corpus.warnings.map((w) => `Skipped ${w.file}: ${w.reason}`)];
  return {
    command: 'sources',
    answered: true,
    title: `${list.length} article${list.length === 1 ? '' : 's'} in the corpus`,
    blocks,
    citations: [],
    followUps: [],
    sources: list,
    ...(warn.length ? { notes: warn } : {}),
  };
}
