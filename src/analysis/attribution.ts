/**
 * Attribution: who says each sentence. Quotations (one or several sentences in
 * quotation marks) get their speaker from the article's own wording — a speech
 * verb next to a name ("said Peskov", "Peskov told"), "he/she said" (the person
 * last made the subject), the nearest person or organisation within the clause,
 * "according to X", a line holding only a name after the quotation, the next
 * sentence naming a speaker, or the speaker of the quotation just before it in the
 * paragraph. Reported speech outside quotation marks ("X said the port would
 * reopen", "according to X, …") is attributed too. Results are plain data
 * (entity ids, sentence ids) so the analysis can persist them; /who reads its
 * "What they said" from here.
 */
import type { Article, Corpus, Sentence } from '../types.js';
import { type Entity, type EntityIndex, type EntityMention, quoteRegions } from '../index/entities.js';
import { quoteUnit } from './quote-span.js';
import { buildReferences, type Reference } from './references.js';
import { SPEECH_RE, alternation, speechForms } from '../language/lexicon/index.js';

/** How a speaker was found (for explaining an attribution). */
export type QuoteHow = 'verb' | 'reference' | 'pronoun' | 'near-verb' | 'according-to' | 'named-before' | 'name-line' | 'next-sentence' | 'continues' | 'reported';

/** One attributed statement: the sentences (of one article) and the entity id of who says them. */
export interface Attribution {
  articleId: string;
  sentenceIds: string[];
  /** Entity id (EntityIndex entities[].id). */
  speaker: string;
  how: QuoteHow;
  /** True for words in quotation marks; false for reported speech. */
  quoted: boolean;
}

/** Verbs that may come before their speaker ("said Peskov", "explains Peter Zeihan"); others take an object there ("urged Washington"). */
/** Pronouns: a quotation's speaker found by them is the pronoun rule's ("he said"), not a reference by description. */
const PRONOUN_RE = /^(?:he|she|him|her|his|hers|they|them|their)$/i;
const SPEECH_WORD_RE = new RegExp(`^(?:${SPEECH_RE.source})$`, 'i');
const INVERSION_RE = new RegExp(`^(?:${alternation(speechForms({ inverts: true, forms: ['s', 'past'] }))})$`, 'i');

type Named = { e: Entity; m: EntityMention };

function mentionsBySentence(index: EntityIndex): Map<string, Named[]> {
  const bySentence = new Map<string, Named[]>();
  for (const e of index.entities) {
    for (const m of e.mentions) {
      const list = bySentence.get(m.sentence.id) ?? [];
      list.push({ e, m });
      bySentence.set(m.sentence.id, list);
    }
  }
  return bySentence;
}

/** Every quotation the articles attribute, with its speaker (an entity id) and how the speaker was found. */
export function attributeQuotes(corpus: Corpus, index: EntityIndex, references?: readonly Reference[]): Attribution[] {
  const bySentence = mentionsBySentence(index);
  const out: Omit<Attribution, 'quoted'>[] = [];
  // People referred to by what they are ("the diver"), by sentence: the analysis' references when given, else read
  // per article, and only for an article with a quotation no name speaks.
  const byId = new Map(index.entities.map((e) => [e.id, e]));
  const isPerson = (id: string) => byId.get(id)?.kind === 'person';
  const refsBySentence = new Map<string, Reference[]>();
  const addRefs = (refs: readonly Reference[]) => {
    for (const r of refs) if (isPerson(r.entity) && !PRONOUN_RE.test(r.text)) refsBySentence.set(r.sentenceId, [...(refsBySentence.get(r.sentenceId) ?? []), r]);
  };
  if (references) addRefs(references);
  const refsRead = new Set<string>();
  for (const article of corpus.articles) {
    const done = new Set<string>();
    // The speaker of the last attributed quotation, per paragraph: a quotation standing
    // alone right after it continues it ("“…,” Maduro said. “The relationship …”").
    const lastSpeaker = new Map<number, Entity>();
    for (let si = 0; si < article.sentences.length; si++) {
      const s = article.sentences[si]!;
      if (done.has(s.id) || !/["“”]/.test(s.text)) continue;
      const unit = quoteUnit(article, s, 8);
      unit.forEach((u) => done.add(u.id));
      const base = unit[0]!.start;
      const text = article.raw.slice(base, unit[unit.length - 1]!.end);
      const regions = quoteRegions(text);
      const quotedWords = regions.reduce((n, [a, b]) => n + text.slice(a, b).split(/\s+/).filter(Boolean).length, 0);
      // Scare quotes and titles are no statement ("described as “banging”"); a short quotation bound to a verb of saying
      // is one (“the diver replied, “Brilliant.””, “"No," she said”).
      if (quotedWords < 4 && !spokenShort(text, regions)) continue;
      const outside = (at: number) => !regions.some(([a, b]) => at > a && at < b);
      const mentions = unit.flatMap((u) => (bySentence.get(u.id) ?? []).map((x) => ({ ...x, at: u.start - base + x.m.start, endAt: u.start - base + x.m.end })));
      const speakers = mentions.filter((x) => outside(x.at) && (x.e.kind === 'person' || x.e.kind === 'organization'));
      let speaker: Entity | undefined;
      let how: QuoteHow = 'verb';
      const verbRe = new RegExp(SPEECH_RE.source, 'gi');
      // "is said to", "was asked": the subject did not say it.
      const verbs = [...text.matchAll(verbRe)].filter(
        (v) => outside(v.index!) && !/\b(?:is|was|were|are|be|been|being)\s+(?:\w+ly\s+)?$/i.test(text.slice(Math.max(0, v.index! - 20), v.index!)),
      );
      for (const v of verbs) {
        const vs = v.index!;
        const ve = vs + v[0].length;
        // The name right next to the verb: "said Dmitry Peskov", "Peskov told", "Trump said he …".
        // Places speak for their governments here ("Beijing also urged").
        const adjacent = [...speakers, ...mentions.filter((x) => outside(x.at) && x.e.kind === 'place')].find(
          (x) => (x.at >= ve && INVERSION_RE.test(v[0]) && /^\s*$/.test(text.slice(ve, x.at))) || (x.endAt <= vs && /^(?:['’]s)?\s+(?:(?:\w+ly|also|then|later|again|first|further)\s+)?$/.test(text.slice(x.endAt, vs))),
        );
        if (adjacent) {
          speaker = adjacent.e;
          how = 'verb';
          break;
        }
        // "he wrote", "She added": the person the text last made its subject.
        if (/\b(?:he|she)\s+(?:\w+ly\s+)?$/i.test(text.slice(Math.max(0, vs - 14), vs))) {
          speaker = lastPersonBefore(article, unit[0]!, bySentence, si);
          how = 'pronoun';
          if (speaker) break;
        }
      }
      // "the diver replied", "said the spokesman": a person the text refers to by what they are, next to the verb.
      if (!speaker && verbs.length) {
        if (!references && !refsRead.has(article.id)) {
          refsRead.add(article.id);
          addRefs(buildReferences({ ...corpus, articles: [article] }, index));
        }
        const inUnit = unit
          .flatMap((u) => (refsBySentence.get(u.id) ?? []).map((r) => ({ r, at: u.start - base + r.start, endAt: u.start - base + r.end })))
          .filter((x) => outside(x.at));
        for (const v of verbs) {
          const vs = v.index!;
          const ve = vs + v[0].length;
          const hit = inUnit.find((x) => (x.at >= ve && INVERSION_RE.test(v[0]) && /^\s*$/.test(text.slice(ve, x.at))) || (x.endAt <= vs && /^\s+(?:(?:\w+ly|also|then|later|again|first)\s+)?$/.test(text.slice(x.endAt, vs))));
          const e = hit ? byId.get(hit.r.entity) : undefined;
          if (e) {
            speaker = e;
            how = 'reference';
            break;
          }
        }
      }
      // Otherwise the nearest person or organisation before a verb (or after one that inverts), within a clause.
      if (!speaker) {
        let bestGap = Infinity;
        for (const v of verbs) {
          if (/^\p{Lu}/u.test(v[0])) continue; // "Reports suggest …" is a noun
          for (const x of speakers) {
            const after = x.at >= v.index! + v[0].length;
            if (after && !INVERSION_RE.test(v[0])) continue;
            const gap = after ? x.at - (v.index! + v[0].length) : v.index! - x.endAt;
            const between = after ? text.slice(v.index! + v[0].length, x.at) : text.slice(x.endAt, v.index!);
            if (gap >= 0 && gap < 40 && !/[.!?,;]/.test(between) && gap < bestGap) {
              bestGap = gap;
              speaker = x.e;
              how = 'near-verb';
            }
          }
        }
      }
      // "…,” the documents state according to the Post": the source named after "according to".
      if (!speaker && verbs.length) {
        const acc = speakers.find((x) => /\baccording to (?:the\s+)?$/i.test(text.slice(Math.max(0, x.at - 17), x.at)));
        if (acc) (speaker = acc.e), (how = 'according-to');
      }
      // "Geoff Ramsey, a senior fellow at …, commented …, stating, “…”": the one person named before the verb.
      if (!speaker) {
        const firstVerb = verbs[0];
        const before = firstVerb ? speakers.filter((x) => x.e.kind === 'person' && x.endAt <= firstVerb.index!) : [];
        if (before.length && new Set(before.map((x) => x.e)).size === 1 && !/[.!?]\s/.test(text.slice(before[0]!.endAt, firstVerb!.index))) (speaker = before[0]!.e), (how = 'named-before');
      }
      // "“…” – Geoff Ramsey": a line holding only a name right after the quotation.
      if (!speaker) {
        const para = article.paragraphs[unit[unit.length - 1]!.paragraph]?.sentences ?? [];
        const next = para[para.findIndex((x) => x.id === unit[unit.length - 1]!.id) + 1];
        const only = next ? bySentence.get(next.id) : undefined;
        if (next && only?.length === 1 && next.text.replace(/[\s–—-]/g, '').length <= only[0]!.m.surface.replace(/\s/g, '').length + 1) (speaker = only[0]!.e), (how = 'name-line');
      }
      // "“Are we going to war?” | CBS journalist Norah O'Donnell asks the president.": the next
      // sentence, with no quotation of its own, names the speaker next to a verb of saying.
      if (!speaker && regions.length === 1 && regions[0]![0] <= 1 && regions[0]![1] >= text.trimEnd().length - 1) {
        const para = article.paragraphs[unit[unit.length - 1]!.paragraph]?.sentences ?? [];
        const next = para[para.findIndex((x) => x.id === unit[unit.length - 1]!.id) + 1];
        if (next && !/["“”]/.test(next.text)) {
          const v = new RegExp(SPEECH_RE.source, 'i').exec(next.text);
          const named = (bySentence.get(next.id) ?? []).filter((x) => x.e.kind === 'person' || x.e.kind === 'organization');
          const hit = v ? named.find((x) => x.m.end <= v.index && /^\s+(?:\w+ly\s+)?$/.test(next.text.slice(x.m.end, v.index))) : undefined;
          if (hit) {
            speaker = hit.e;
            how = 'next-sentence';
            unit.push(next);
          }
        }
      }
      const pureQuote = regions.length === 1 && regions[0]![0] <= 1 && regions[0]![1] >= text.trimEnd().length - 1;
      if (!speaker && pureQuote) (speaker = lastSpeaker.get(unit[0]!.paragraph)), (how = 'continues');
      if (speaker) {
        out.push({ articleId: article.id, sentenceIds: unit.map((u) => u.id), speaker: speaker.id, how });
        lastSpeaker.set(unit[0]!.paragraph, speaker);
      }
    }
  }
  return out.map((a) => ({ ...a, quoted: true }));
}

/**
 * A short quotation bound to a verb of saying: a comma or colon and the verb right before it ("replied, “Brilliant.”"),
 * or the verb right after its closing mark ("“No,” she said"). Scare quotes sit inside a clause with no such verb.
 */
function spokenShort(text: string, regions: [number, number][]): boolean {
  return regions.some(([a, b]) => {
    const inner = text.slice(a + 1, b - 1).trim();
    // "replied, “Brilliant.”": the verb, a comma or colon, then the quotation ending its sentence.
    const before = /([\p{L}]+)\s*[,:]\s*$/u.exec(text.slice(Math.max(0, a - 40), a))?.[1];
    if (before && SPEECH_WORD_RE.test(before) && /[.!?]$/.test(inner)) return true;
    // "“No,” she said", "“No,” said the chief": a comma inside the quotation, then who says it next to the verb.
    const after = text.slice(b, b + 60);
    return /[,!?]$/.test(inner) && new RegExp(String.raw`^\s*(?:(?:he|she|they|the\s+\p{L}+|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s+(?:${SPEECH_RE.source})|(?:${SPEECH_RE.source})\s)`, 'iu').test(after);
  });
}

function lastPersonBefore(article: Article, first: Sentence, bySentence: Map<string, Named[]>, si: number): Entity | undefined {
  const from = article.sentences.findIndex((x) => x.id === first.id);
  for (let i = Math.max(from, si); i >= Math.max(0, from - 3); i--) {
    const s = article.sentences[i]!;
    const list = (bySentence.get(s.id) ?? []).filter((x) => x.e.kind === 'person' && !x.m.inQuote && (i < from || x.m.start < s.text.length));
    if (i === si && i >= from) {
      // In the quotation's own first sentence only names before the quote count.
      const q = quoteRegions(s.text)[0];
      const before = list.filter((x) => !q || x.m.end <= q[0]);
      if (before.length) return before[before.length - 1]!.e;
      continue;
    }
    // In an earlier sentence "he"/"she" is most often its subject: the first person named.
    if (list.length) return list.sort((a, b) => a.m.start - b.m.start)[0]!.e;
  }
  return undefined;
}

/** A speech verb outside quotation marks, with its speaker next to it ("X said", "X told", "said X."). */
const REPORTED_RE = new RegExp(SPEECH_RE.source, 'gi');

/**
 * Who says each sentence, by sentence id: the speaker of the quotation it belongs
 * to, else of the reported speech it carries ("X said the port would reopen",
 * "according to X, …", "…, X said."). Sentences nobody says are absent.
 */
export function attributeSentences(corpus: Corpus, index: EntityIndex, quotes: Attribution[] = attributeQuotes(corpus, index)): Record<string, Omit<Attribution, 'sentenceIds'>> {
  const out: Record<string, Omit<Attribution, 'sentenceIds'>> = {};
  for (const q of quotes) for (const id of q.sentenceIds) out[id] ??= { articleId: q.articleId, speaker: q.speaker, how: q.how, quoted: true };
  const bySentence = mentionsBySentence(index);
  for (const article of corpus.articles) {
    for (const s of article.sentences) {
      if (out[s.id]) continue;
      const regions = quoteRegions(s.text);
      const outside = (at: number) => !regions.some(([a, b]) => at > a && at < b);
      const named = (bySentence.get(s.id) ?? []).filter((x) => outside(x.m.start) && (x.e.kind === 'person' || x.e.kind === 'organization'));
      if (!named.length) continue;
      let speaker: Entity | undefined;
      let how: QuoteHow = 'reported';
      for (const v of s.text.matchAll(REPORTED_RE)) {
        const vs = v.index!;
        const ve = vs + v[0].length;
        if (!outside(vs) || /^\p{Lu}/u.test(v[0]) || /\b(?:is|was|were|are|be|been|being)\s+(?:\w+ly\s+)?$/i.test(s.text.slice(Math.max(0, vs - 20), vs))) continue;
        const hit = named.find(
          (x) =>
            (x.m.end <= vs && /^(?:['’]s)?\s+(?:(?:\w+ly|also|then|later|again|further)\s+)?$/.test(s.text.slice(x.m.end, vs)) && !/['’]s$/.test(s.text.slice(x.m.end, x.m.end + 2))) ||
            (x.m.start >= ve && INVERSION_RE.test(v[0]) && /^\s*$/.test(s.text.slice(ve, x.m.start))),
        );
        if (hit) {
          speaker = hit.e;
          break;
        }
      }
      if (!speaker) {
        const acc = named.find((x) => /\baccording to (?:the\s+)?$/i.test(s.text.slice(Math.max(0, x.m.start - 17), x.m.start)));
        if (acc) (speaker = acc.e), (how = 'according-to');
      }
      if (speaker) out[s.id] = { articleId: article.id, speaker: speaker.id, how, quoted: false };
    }
  }
  return out;
}
