/**
 * What every entity said and did, per the articles: quotations attributed to it
 * (src/analysis/attribution.ts) and actions (its name as the subject of a main clause,
 * followed by a verb that is not one of saying). Built once per corpus version by
 * src/analysis (index.ts) and persisted; /who shows them. Also the autocomplete
 * choices of the entity names.
 */
import type { Article, Corpus, Sentence } from '../types.js';
import { type Entity, type EntityIndex, type EntityMention, quoteRegions } from '../index/entities.js';
import {
  BE_HAVE_FORMS, CLAUSE_JOINERS, DETERMINERS, FINITE_AUXILIARIES, INTRO_PHRASE_WORDS, NAME_VERB_FILLERS, SPEECH_RE, SUBJECT_PRONOUNS, SUBORDINATORS, alternation,
  wordRe,
} from '../language/lexicon/index.js';
import { lexTags } from '../language/word-tags.js';
import { attributeQuotes, type Attribution } from './attribution.js';
import { quoteUnit } from './quote-span.js';

/** A quotation or action of an entity: the sentences (of one article) that tell it. */
export interface Fact {
  article: Article;
  sentences: Sentence[];
  /** For descriptions: the phrase ("Defense Secretary"). */
  phrase?: string;
}

/** What every entity said and did, per the articles. */
export interface Facts {
  quotes: Map<Entity, Fact[]>;
  actions: Map<Entity, Fact[]>;
}

/** Quotes (attributed by the article) and actions (name followed by a verb) for every entity. */
export function buildFacts(corpus: Corpus, index: EntityIndex, attributed: readonly Attribution[] = attributeQuotes(corpus, index)): Facts {
  const bySentence = new Map<string, { e: Entity; m: EntityMention }[]>();
  for (const e of index.entities) {
    for (const m of e.mentions) {
      const list = bySentence.get(m.sentence.id) ?? [];
      list.push({ e, m });
      bySentence.set(m.sentence.id, list);
    }
  }
  const quotes = new Map<Entity, Fact[]>();
  const actions = new Map<Entity, Fact[]>();
  const push = (map: Map<Entity, Fact[]>, e: Entity, f: Fact) => {
    const list = map.get(e) ?? [];
    const key = f.sentences.map((s) => s.id).join('|');
    if (!list.some((x) => x.sentences.map((s) => s.id).join('|') === key)) list.push(f);
    map.set(e, list);
  };

  // Quotations and their speakers: src/analysis/attribution.ts.
  const byId = new Map<string, Entity>();
  for (const e of index.entities) if (!byId.has(e.id)) byId.set(e.id, e);
  for (const q of attributed) {
    const article = corpus.byId.get(q.articleId);
    const speaker = byId.get(q.speaker);
    const sentences = article ? q.sentenceIds.map((id) => article.sentences.find((x) => x.id === id)).filter((x): x is Sentence => !!x) : [];
    if (article && speaker && sentences.length) push(quotes, speaker, { article, sentences });
  }

  for (const article of corpus.articles) {
    // Actions: a name (outside quotes) followed by a verb that is not a verb of saying.
    for (const s of article.sentences) {
      for (const { e, m } of bySentence.get(s.id) ?? []) {
        if (m.inQuote || (e.kind !== 'person' && e.kind !== 'organization' && e.kind !== 'place')) continue;
        const after = s.text.slice(m.end + (/['’]s/.test(s.text.slice(m.end, m.end + 2)) ? 99 : 0));
        const words = after.match(/^[\s,]*((?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)/u)?.[1]?.split(/\s+/) ?? [];
        if (/^\s*[,;:]/.test(after)) continue; // "Maduro, …" starts an apposition or a list
        let verb: string | undefined;
        for (const w of words) {
          const lw = w.toLowerCase();
          if (NAME_VERB_FILLERS.has(lw)) continue;
          const t = lexTags(lw);
          if ((t.has('PastTense') || t.has('PresentTense')) && !t.has('Noun')) verb = lw;
          else if (/^[a-z]{3,}ed$/.test(lw)) verb = lw; // right after a name an -ed word is its verb ("Voss rejected")
          break;
        }
        if (!verb || SPEECH_RE.test(verb)) continue;
        if (BE_HAVE.has(verb)) continue;
        // Only the actor of the sentence: "Rubio denied the report that Trump had made …" is not Trump's act.
        if (!isMainSubject(s.text, m.start)) continue;
        push(actions, e, { article, sentences: quoteUnit(article, s) });
      }
      // "He ordered …": a pronoun subject stands for the person the text last made its subject.
      const pro = /^\s*["“]?(?:He|She)\s+(?:(?:also|then|later|again|first|further|\w+ly)\s+)?([\p{Ll}'’-]+)/u.exec(s.text);
      if (pro && !quoteRegions(s.text).some(([a, b]) => pro.index >= a && pro.index < b)) {
        const lw = pro[1]!.toLowerCase();
        const t = lexTags(lw);
        const finite = ((t.has('PastTense') || t.has('PresentTense')) && !t.has('Noun')) || /^[a-z]{3,}ed$/.test(lw);
        if (finite && !SPEECH_RE.test(lw) && !BE_HAVE.has(lw)) {
          // The person who is the subject of the sentence right before (only one person may qualify).
          const prev = article.sentences[article.sentences.indexOf(s) - 1];
          const subjects = prev
            ? (bySentence.get(prev.id) ?? []).filter((x) => x.e.kind === 'person' && !x.m.inQuote && isMainSubject(prev.text, x.m.start))
            : [];
          const who = new Set(subjects.map((x) => x.e));
          if (who.size === 1) push(actions, [...who][0]!, { article, sentences: quoteUnit(article, s) });
        }
      }
    }
  }
  return { quotes, actions };
}

const BE_HAVE: ReadonlySet<string> = new Set(BE_HAVE_FORMS);
const FINITE_AUXILIARY: ReadonlySet<string> = new Set(FINITE_AUXILIARIES);
const SUBJECT_PRONOUN: ReadonlySet<string> = new Set(SUBJECT_PRONOUNS);
const DETERMINER: ReadonlySet<string> = new Set(DETERMINERS);
const CLAUSE_JOIN_RE = new RegExp(`;\\s*|,\\s+(?:${alternation(CLAUSE_JOINERS)})\\s+`, 'g');
const SUBORDINATOR_RE = wordRe(SUBORDINATORS, 'gi');
const INTRO_PHRASE_RE = new RegExp(`^\\s*(?:(?:${alternation(INTRO_PHRASE_WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1)))})\\b|\\p{Lu}\\p{Ll}+(?:ed|ing)\\b)[^,]*,`, 'u');

/**
 * Is the name at `at` the subject of its sentence's main clause? It is not when a
 * finite verb comes before it (outside quotations and a leading adverbial or
 * participial phrase such as "When asked about it," or "After the vote,"): then it
 * sits in an object or a subordinate clause ("… denied the report that Trump had …").
 */
export function isMainSubject(text: string, at: number): boolean {
  const regions = quoteRegions(text);
  let from = 0;
  // A coordinated clause starts afresh: "…, and Okafor approved the recall".
  for (const b of text.slice(0, at).matchAll(CLAUSE_JOIN_RE)) {
    const end = b.index! + b[0].length;
    if (!regions.some(([x, y]) => b.index! > x && b.index! < y)) from = Math.max(from, end);
  }
  const intro = INTRO_PHRASE_RE.exec(text);
  if (intro && intro[0].length <= at) from = Math.max(from, intro[0].length);
  // Inside a subordinate clause ("even if Russia or China wanted …", "When Trump arrived, …") it is not the main subject.
  const lead = text.slice(from, at);
  for (const x of lead.matchAll(SUBORDINATOR_RE)) {
    const pos = from + x.index!;
    if (!regions.some(([a, b]) => pos > a && pos < b) && !/[,;:]/.test(lead.slice(x.index! + x[0].length))) {
      // "as well as", "such as" and "as of" join nouns; "after/before/since" + a noun phrase is a preposition unless a verb follows the name.
      if (/^as$/i.test(x[0]) && /\b(?:such|well)\s+$|^as\s+(?:of|well)\b/i.test(lead.slice(Math.max(0, x.index! - 6), x.index! + 8))) continue;
      return false;
    }
  }
  let prevWord = '';
  for (const w of text.slice(from, at).matchAll(/[\p{L}'’-]+/gu)) {
    const pos = from + w.index!;
    if (regions.some(([a, b]) => pos > a && pos < b)) continue;
    const lw = w[0].toLowerCase();
    const after = prevWord;
    prevWord = w[0];
    // "Voss rejected …": an -ed word right after a name or pronoun is that subject's verb.
    const afterKey = after.toLowerCase();
    if (/^[a-z]{3,}ed$/.test(lw) && (/^\p{Lu}/u.test(after) || SUBJECT_PRONOUN.has(afterKey)) && !DETERMINER.has(afterKey)) return false;
    if (FINITE_AUXILIARY.has(lw)) return false;
    const t = lexTags(lw);
    if ((t.has('PastTense') || (t.has('PresentTense') && !t.has('Plural'))) && !t.has('Noun') && !t.has('Adjective') && !t.has('Participle')) return false;
    if (/^[a-z]{3,}ed$/.test(lw) && !t.has('Adjective') && !t.has('Noun') && t.size === 0) return false;
  }
  return true;
}

/** The longest name an autocomplete choice shows (Discord's limit). */
const CHOICE_MAX_CHARS = 100;

/** One autocomplete choice: the name as shown, and the keys and words a typed prefix is matched against. */
export interface NameChoice {
  name: string;
  keys: string[];
  words: string[];
}

/** Autocomplete choices for every entity, most mentioned first. */
export function nameChoices(index: EntityIndex): NameChoice[] {
  return index.entities.map(nameChoice);
}

/** One entity's autocomplete choice. */
export function nameChoice(e: Entity): NameChoice {
  return { name: e.name.slice(0, CHOICE_MAX_CHARS), keys: e.keys, words: e.keys.flatMap((k) => k.split(' ')) };
}
