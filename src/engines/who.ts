/**
 * /who: a person, organisation, place or named thing as the articles describe
 * it — roles and descriptions, what they said (verbatim, attributed by the
 * article), what they did, where they are mentioned, and who appears with them.
 * Every line is cited. Lookup is fuzzy and accent-insensitive; a name that is
 * not in the corpus gets an honest "not found" with suggestions.
 */
import type { Deps } from '../deps.js';
import type { Answer, AnswerBlock, Article, EntityInfo, Sentence } from '../types.js';
import { type Entity, type EntityIndex, type EntityMention, keyOf } from '../index/entities.js';
import { HONORIFICS, TITLE_HEADS, alternation } from '../language/lexicon/index.js';
import { createCiter, quoteSentences, sourceLabel, type Citer } from './cite.js';
import { analysisOf } from '../analysis/index.js';
import type { Fact } from '../analysis/facts.js';
import { COMPANY_SUFFIXES } from '../language/lexicon/organisations.js';
import { quoteUnit } from '../analysis/quote-span.js';
import { entityLookupOf, relatedTo, type Related } from '../analysis/entity-lookup.js';
import { mentionCount } from '../analysis/persist.js';
import type { AgeFound } from './figure-slots.js';
import { figuresHeldBy } from '../analysis/figures.js';
import { modelFallbackNote, type LlmFailure, type LlmPassage } from '../llm/types.js';
import { typoDistance } from '../language/edit-distance.js';
import { terms } from '../language/tokenize.js';

/** Discord allows at most 25 autocomplete choices of at most 100 characters. */
export const AUTOCOMPLETE_MAX = 25;
const MAX_QUOTES = 6;
const MAX_ACTIONS = 5;

const KIND_LABEL: Record<EntityInfo['kind'], string> = { person: 'person', organization: 'organisation', place: 'place', other: 'named thing' };

// --- lookup ---------------------------------------------------------------------

/** What a name typed by a user resolves to. */
export interface Lookup {
  /** Entities the name denotes (several when e.g. a surname is shared). */
  matches: Entity[];
  /** True when matched by spelling (exact alias or name part), false for a fuzzy guess. */
  exact: boolean;
  /** Near misses to offer as "Did you mean …". */
  suggestions: Entity[];
}

const LEGAL_FORMS: ReadonlySet<string> = new Set(COMPANY_SUFFIXES.map((x) => keyOf(x).replace(/ /g, '')));

/** The lookup key of user input: titles, "@", possessives and punctuation removed. */
export function queryKey(input: string): string {
  // "Who is the 79-year-old?" asks for "the 79-year-old".
  const bare = input.replace(/^\s*(?:who|what)(?:\s+(?:is|was|are|were)|['’]s)\s+(?=\S)/i, '');
  let k = keyOf(bare.replace(/^[@#]+/, '').replace(/['’]s\b/g, ''));
  const words = k.split(' ').filter(Boolean);
  while (words.length > 1 && (TITLE_HEADS.has(words[0]!) || words[0] === 'the')) words.shift();
  // "Sunmesh Ltd" is Sunmesh: the entity index keeps legal forms out of names.
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  k = words.join(' ');
  return k.slice(0, 200);
}

/** Edits a typed name may be off by and still be answered: none below 4 letters, 1 below 6, else 2. */
export function editsAllowed(key: string): number {
  const letters = key.replace(/ /g, '').length;
  return letters < 4 ? 0 : letters < 6 ? 1 : 2;
}

export function lookupEntity(index: EntityIndex, input: string): Lookup {
  const key = queryKey(input);
  if (!key) return { matches: [], exact: false, suggestions: index.entities.slice(0, 5) };
  const spelled = spelledMatches(index, key);
  if (spelled) return { matches: spelled, exact: true, suggestions: [] };
  const qWords = key.split(' ');
  const postings = entityLookupOf(index);
  const candidates = (positions: readonly number[]) => positions.map((i) => index.entities[i]!);
  // Fuzzy: typos and transliterations, against whole keys and single name words.
  // Suggestions reach one edit further than answers do.
  const allowed = editsAllowed(key);
  const max = Math.max(1, allowed + 1);
  const scored: { e: Entity; d: number; via: string }[] = [];
  for (const e of candidates(postings.fuzzy(key, max))) {
    let best = max + 1;
    let via = '';
    const consider = (target: string, d: number) => {
      if (d < best) (best = d), (via = target);
    };
    for (const k of e.keys) {
      consider(k, typoDistance(key, k, max));
      if (qWords.length === 1) for (const w of k.split(' ')) if (w.length > 2) consider(w, typoDistance(key, w, max));
      // A typed prefix of four letters or more reads as one edit ("Pesk" → Peskov); shorter ones are only suggested.
      if (key.length >= 3) {
        const d = key.length >= 4 ? 1 : allowed + 1;
        if (k.startsWith(key)) consider(k, d);
        else if (qWords.length === 1) for (const w of k.split(' ')) if (w.startsWith(key)) consider(w, d);
      }
    }
    if (best <= max) scored.push({ e, d: best, via });
  }
  scored.sort((a, b) => a.d - b.d || mentionCount(b.e) - mentionCount(a.e));
  const top = scored.filter((s) => s.d === scored[0]?.d);
  // The best guesses all correct the typing to one spelling ("Madurro" → "maduro"): answer as that
  // spelling would be answered, so a typo of a shared name behaves like the name itself.
  const spellings = new Set(top.map((s) => s.via));
  if (top.length && top[0]!.d <= allowed && spellings.size === 1) {
    const fixed = lookupEntity(index, [...spellings][0]!);
    if (fixed.matches.length) {
      const shownIds = new Set(fixed.matches);
      return { matches: fixed.matches, exact: false, suggestions: scored.filter((s) => !shownIds.has(s.e)).slice(0, 3).map((s) => s.e) };
    }
  }
  // One clear best guess is answered ("Did you mean …?"); several are only offered.
  if (top.length === 1 && top[0]!.d <= allowed) {
    return { matches: [top[0]!.e], exact: false, suggestions: scored.slice(1, 4).map((s) => s.e) };
  }
  // "bernard arnault" when the articles spell him "Bernault Arnault": the surname as written and a first name
  // with the same initial (misspelt or transliterated, by the reader or the page) is the one name that fits.
  const bySurname = sameSurname(index, qWords);
  if (bySurname) return { matches: [bySurname], exact: false, suggestions: scored.filter((s) => s.e !== bySurname).slice(0, 3).map((s) => s.e) };
  return { matches: [], exact: false, suggestions: scored.slice(0, 5).map((s) => s.e) };
}

/**
 * The entities a lookup key denotes by spelling (an alias, or every typed word a word of one of its keys), ranked:
 * `lookupEntity`'s exact answer, or null when it has none (every later answer of `lookupEntity` is a guess).
 */
function spelledMatches(index: EntityIndex, key: string): Entity[] | null {
  // Descriptive aliases keep their article ("the 79 year old").
  const exact = index.byKey.get(key) ?? index.byKey.get(`the ${key}`);
  if (exact?.length) return rank(exact);
  const qWords = key.split(' ');
  // The postings give the entities each test can keep (in index order); the tests themselves run on those only.
  const postings = entityLookupOf(index);
  // Every typed word is a word of the name ("hegseth", "pete hegseth", "story").
  const byWords = postings.byWords(qWords).map((i) => index.entities[i]!).filter((e) => e.keys.some((k) => qWords.every((w) => k.split(' ').includes(w))));
  return byWords.length ? rank(byWords) : null;
}

/** The one entity (not a place) whose full name ends with the typed surname and opens with the typed first name's initial. */
function sameSurname(index: EntityIndex, qWords: string[]): Entity | null {
  if (qWords.length < 2) return null;
  const last = qWords[qWords.length - 1]!;
  const initial = qWords[0]![0];
  if (last.length < 3) return null;
  const fits = entityLookupOf(index).bySurname(last).map((i) => index.entities[i]!).filter((e) => e.kind !== 'place' && e.keys.some((k) => {
    const w = k.split(' ');
    return w.length >= 2 && w[w.length - 1] === last && w[0]![0] === initial;
  }));
  return fits.length === 1 ? fits[0]! : null;
}

/** People before other kinds, then by how much the articles say about them. */
function rank(list: Entity[]): Entity[] {
  const order = { person: 0, organization: 1, place: 2, other: 3 } as const;
  return [...new Set(list)].sort((a, b) => order[a.kind] - order[b.kind] || mentionCount(b) - mentionCount(a));
}

const HONORIFIC_RE = new RegExp(`^(?:${alternation(HONORIFICS)})\\.?$`, 'i');

function byWording(list: Fact[]): Fact[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = keyOf(f.sentences.map((s) => s.text).join(' '));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// --- the profile ---------------------------------------------------------------------

/** Roles and descriptions with the sentence each comes from, most frequent first. */
function descriptions(e: Entity): { phrase: string; m: EntityMention; n: number }[] {
  const by = new Map<string, { phrase: string; m: EntityMention; n: number }>();
  for (const m of e.mentions) {
    for (const phrase of [m.role, m.apposition, m.descriptor, m.descriptive ? `"${m.surface}"` : undefined]) {
      if (!phrase) continue;
      const k = keyOf(phrase);
      const cur = by.get(k);
      if (cur) cur.n++;
      else by.set(k, { phrase, m, n: 1 });
    }
  }
  // A bare honorific ("Dr.", "Mr") says less than any real role or apposition; a descriptive
  // reference ("the 52-year-old") is a fact about them, never their description.
  const weight = (x: { phrase: string; n: number }) =>
    HONORIFIC_RE.test(x.phrase) ? x.n - 1000 : x.phrase.startsWith('"') ? x.n - 500 : x.n;
  return [...by.values()].sort((a, b) => weight(b) - weight(a) || a.phrase.length - b.phrase.length);
}

/**
 * The entities named in the same sentences as `e`, most shared first (src/analysis/entity-lookup.ts):
 * read from the analysis's stored list of them when it holds one (a first /who after a start reads no
 * other entity's mentions), else from the sentence postings or a scan.
 */
export function relatedEntities(e: Entity, index: EntityIndex, via: 'auto' | 'scan' | 'postings' = 'auto'): Related[] {
  return relatedTo(e, index, via);
}

function relatedOf(deps: Deps, e: Entity, index: EntityIndex): Related[] {
  return analysisOf(deps).related.of(e) ?? relatedEntities(e, index);
}

const cite = (citer: Citer, m: { article: Article; sentence: Sentence }) => citer.cite(quoteUnit(m.article, m.sentence));
const marks = (ns: number[]) => [...new Set(ns)].map((n) => `[${n}]`).join('');

/** One sentence describing an entity, for EntityInfo.description. */
export function describeEntity(e: Entity): string {
  const d = descriptions(e).filter((x) => !x.phrase.startsWith('"'));
  const honorific = (p: string) => HONORIFIC_RE.test(p);
  const role = d.find((x) => x.m.role === x.phrase && !honorific(x.phrase)) ?? d.find((x) => !/^who\s/i.test(x.phrase) && !honorific(x.phrase)) ?? d[0];
  return role ? `${e.name}, ${role.phrase.replace(/^(?:a|an)\s+/i, (m) => m.toLowerCase())}` : `${e.name} (${KIND_LABEL[e.kind]})`;
}

function entityInfo(e: Entity): EntityInfo {
  return { name: e.name, kind: e.kind, aliases: e.aliases.filter((a) => a !== e.name), description: describeEntity(e) };
}

function profileBlocks(e: Entity, deps: Deps, index: EntityIndex, citer: Citer, full: boolean): AnswerBlock[] {
  const { corpus } = deps;
  const facts = analysisOf(deps).facts;
  const blocks: AnswerBlock[] = [];
  const perArticle = new Map<string, EntityMention[]>();
  for (const m of e.mentions) perArticle.set(m.article.id, [...(perArticle.get(m.article.id) ?? []), m]);
  const desc = descriptions(e);
  const first = e.mentions.find((m) => !m.descriptive) ?? e.mentions[0]!;
  const head = desc[0] ?? null;
  const headCite = cite(citer, head ? head.m : first);
  const kind = e.subkind === 'ship' ? 'ship' : KIND_LABEL[e.kind];
  blocks.push({
    heading: e.name,
    text:
      `${e.name} (${kind})${head ? `: ${head.phrase.replace(/^"|"$/g, '')}` : ''} ${marks([headCite])}\n` +
      `Mentioned ${e.mentions.length} time${e.mentions.length === 1 ? '' : 's'} in ${perArticle.size} of ${corpus.articles.length} articles.`,
    cites: [headCite],
  });
  // A bare honorific ("Mr") is listed only when nothing else describes them.
  const listed = desc.some((d) => !HONORIFIC_RE.test(d.phrase)) ? desc.filter((d) => !HONORIFIC_RE.test(d.phrase)) : desc;
  if (listed.length > 1 || (listed.length === 1 && full)) {
    const lines = listed.slice(0, full ? 8 : 3).map((d) => {
      const n = cite(citer, d.m);
      return { line: `• ${d.phrase} ${marks([n])}`, n };
    });
    blocks.push({ heading: 'Described as', text: lines.map((l) => l.line).join('\n'), cites: lines.map((l) => l.n) });
  }
  // Ages come from the corpus's one reading of figures, so /who, /ask and /verify give the same age.
  const ages = e.kind === 'person' ? agesOfEntity(deps, e) : [];
  if (ages.length) {
    const lines = ages.slice(0, 3).map((a) => {
      const n = citer.cite(a.quote);
      return { line: `• ${a.hi > a.age ? `${a.age} to ${a.hi}` : a.age} years old (${sourceLabel(a.article)}${a.article.date ? `, ${a.article.date}` : ''}) ${marks([n])}`, n };
    });
    blocks.push({ heading: 'Age', text: lines.map((l) => l.line).join('\n'), cites: lines.map((l) => l.n) });
  }
  // Near-duplicate articles repeat the same sentences: show each wording once.
  const qs = byWording(facts.quotes.get(e) ?? []);
  if (qs.length) {
    const shown = qs.slice(0, full ? MAX_QUOTES : 2);
    const lines = shown.map((q) => {
      const n = citer.cite(q.sentences);
      return { line: `• ${quoteSentences(q.article, q.sentences)} ${marks([n])}`, n };
    });
    const more = qs.length - shown.length;
    blocks.push({ heading: 'What they said', text: lines.map((l) => l.line).join('\n') + (more > 0 ? `\n…and ${more} more.` : ''), cites: lines.map((l) => l.n) });
  }
  const acts = byWording(facts.actions.get(e) ?? []).filter((a) => !qs.some((q) => q.sentences.some((s) => a.sentences.some((x) => x.id === s.id))));
  if (acts.length && full) {
    const shown = acts.slice(0, MAX_ACTIONS);
    const lines = shown.map((a) => {
      const n = citer.cite(a.sentences);
      return { line: `• ${quoteSentences(a.article, a.sentences)} ${marks([n])}`, n };
    });
    const more = acts.length - shown.length;
    blocks.push({ heading: 'What they did', text: lines.map((l) => l.line).join('\n') + (more > 0 ? `\n…and ${more} more.` : ''), cites: lines.map((l) => l.n) });
  }
  if (full) {
    const lines = [...perArticle.entries()].map(([id, ms]) => {
      const a = corpus.byId.get(id)!;
      const n = cite(citer, ms[0]!);
      return { line: `• ${sourceLabel(a)} (${a.date ?? 'undated'}, ${id}): ${ms.length} mention${ms.length === 1 ? '' : 's'} ${marks([n])}`, n };
    });
    blocks.push({ heading: 'Mentioned in', text: lines.map((l) => l.line).join('\n'), cites: lines.map((l) => l.n) });
    const rel = relatedOf(deps, e, index);
    if (rel.length) {
      const rl = rel.map((r) => {
        const n = cite(citer, r.m);
        return { line: `• ${r.other.name} (${KIND_LABEL[r.other.kind]}), named together in ${r.n} sentence${r.n === 1 ? '' : 's'} ${marks([n])}`, n };
      });
      blocks.push({ heading: 'Related', text: rl.map((l) => l.line).join('\n'), cites: rl.map((l) => l.n) });
    }
    const others = e.aliases.filter((a) => a !== e.name);
    if (others.length) {
      const al = others.map((a) => {
        const m = e.mentions.find((x) => x.surface === a || x.surface.replace(/^The\s+/, '') === a) ?? first;
        const n = cite(citer, m);
        return { line: `${a} ${marks([n])}`, n };
      });
      blocks.push({ heading: 'Also written as', text: al.map((l) => l.line).join(', '), cites: al.map((l) => l.n) });
    }
  }
  return blocks;
}

/**
 * The ages the articles give for one person: `agesOf` (src/engines/figure-slots.ts) for an entity holder,
 * read from the analysis's age figures (a small section) instead of every figure of the corpus, so a
 * first /who after a start does not parse them all. Same facts in the same order, quoted the same way:
 * the figure's sentence, and for an age held through a reference ("the 79-year-old") the sentence
 * before it that names the person.
 */
function agesOfEntity(deps: Deps, e: Entity): AgeFound[] {
  const facts = figuresHeldBy({ version: 1, figures: analysisOf(deps).ageFacts }, 'age', { entityId: e.id, noun: null });
  return facts.flatMap((f) => {
    const article = deps.corpus.byId.get(f.articleId);
    const sentence = article?.sentences.find((s) => s.id === f.sentenceId);
    if (!article || !sentence) return [];
    const base = { age: f.value, hi: f.valueHi ?? f.value, article, phrase: f.text };
    if (f.holder || !f.entityId) return [{ ...base, quote: [sentence] }];
    const named = e.mentions
      .filter((m) => m.article.id === f.articleId && !m.descriptive && m.sentence.start < sentence.start && m.sentence.paragraph >= 0)
      .sort((a, b) => b.sentence.start - a.sentence.start)[0];
    return [{ ...base, quote: named ? [named.sentence, sentence] : [sentence], ...(f.entityName ? { via: f.entityName } : {}) }];
  });
}

// --- the engine ---------------------------------------------------------------------

/** The entity index of the current corpus version (from the analysis: built once, persisted). */
export function entityIndexOf(deps: Deps): EntityIndex {
  return analysisOf(deps).entities;
}

/** The /who engine. `name` is already cleaned (cleanInput). */
export async function who(deps: Deps, name: string): Promise<Answer> {
  const index = entityIndexOf(deps);
  const look = lookupEntity(index, name);
  const shown = name.length > 80 ? `${name.slice(0, 77)}…` : name;
  if (!look.matches.length) {
    const sugg = look.suggestions.map((e) => e.name);
    return {
      command: 'who',
      answered: false,
      title: `/who ${shown}`,
      blocks: [
        {
          text:
            (queryKey(name)
              ? `No person, organisation or place called "${shown}" is named in the ${deps.corpus.articles.length} articles (searched ${index.entities.length} names and their spellings).` +
                (sugg.length ? `\nDid you mean: ${sugg.join(', ')}?` : '')
              : `"${shown}" has no letters or digits to look up as a name.` + (sugg.length ? `\nNames the articles mention most: ${sugg.join(', ')}.` : '')),
          cites: [],
        },
      ],
      citations: [],
      followUps: sugg.slice(0, 3).map((s) => `/who ${s}`),
      meta: { suggestions: sugg },
    };
  }
  const citer = createCiter(deps.corpus);
  const notes: string[] = [];
  let blocks: AnswerBlock[];
  const main = look.matches[0]!;
  if (!look.exact) notes.push(`Did you mean ${main.name}? No name spelled "${shown}" appears; showing the closest match.`);
  if (look.matches.length > 1) {
    const intro: AnswerBlock = { text: `"${shown}" names ${look.matches.length} different entities in the articles:`, cites: [] };
    blocks = [intro, ...look.matches.slice(0, 5).flatMap((e) => profileBlocks(e, deps, index, citer, false))];
  } else {
    blocks = profileBlocks(main, deps, index, citer, true);
  }
  const answer: Answer = {
    command: 'who',
    answered: true,
    title: look.matches.length > 1 ? `Who is "${shown}"?` : main.kind === 'person' ? `Who is ${main.name}?` : `What is ${main.kind === 'organization' || main.subkind === 'ship' ? 'the ' : ''}${main.name}?`,
    blocks,
    citations: citer.citations,
    followUps:
      look.matches.length > 1
        ? look.matches.slice(0, 5).map((e) => `/who ${e.name}`)
        : [`/timeline about:${main.name}`, ...relatedOf(deps, main, index).filter((r) => r.other.kind === 'person').slice(0, 2).map((r) => `/who ${r.other.name}`)],
    entity: entityInfo(main),
    ...(notes.length ? { notes } : {}),
    meta: { matches: look.matches.map((e) => e.name), suggestions: look.suggestions.map((e) => e.name) },
  };
  if (deps.llm && look.matches.length === 1) await addSummary(deps, main, answer);
  return answer;
}

/** Optional one- or two-sentence model summary on top; on any failure the profile stands alone. */
async function addSummary(deps: Deps, e: Entity, answer: Answer): Promise<void> {
  const seen = new Set<string>();
  const passages: LlmPassage[] = [];
  for (const m of e.mentions) {
    if (passages.length >= 8 || seen.has(m.sentence.id)) continue;
    seen.add(m.sentence.id);
    const unit = quoteUnit(m.article, m.sentence);
    passages.push({ n: passages.length + 1, id: unit.map((s) => s.id).join('+'), articleId: m.article.id, text: m.article.raw.slice(unit[0]!.start, unit[unit.length - 1]!.end) });
  }
  try {
    let failure: LlmFailure | undefined;
    const r = await deps.llm!.answer({ task: 'who-summary', question: e.name, passages }, undefined, (f) => (failure = f));
    const block = r?.blocks[0];
    // a user who waited on a stuck model is told why there is no summary
    if (failure === 'slow') answer.notes = [...(answer.notes ?? []), modelFallbackNote(failure, deps.config.OPENAI_DEADLINE_MS, 'there is no summary')];
    if (!r || !block) return;
    // Renumber the model's citations after ours so every [n] stays unique.
    const map = new Map<number, number>();
    for (const c of r.citations) {
      const n = answer.citations.length + 1;
      map.set(c.n, n);
      const a = deps.corpus.byId.get(c.source);
      answer.citations.push({ ...c, n, ...(a ? { title: a.title, outlet: a.outlet, date: a.date, url: a.url } : {}) });
    }
    const text = block.text.replace(/\[(\d+)\]/g, (all, d: string) => (map.has(Number(d)) ? `[${map.get(Number(d))}]` : all));
    answer.blocks.unshift({ heading: 'Summary', text, cites: block.cites.map((n) => map.get(n) ?? n) });
  } catch (err) {
    deps.log.warn({ err: (err as Error)?.message }, 'who summary failed');
  }
}

/** The spellings that denote what `about` names (for /timeline --about), or null when it names no entity. */
export function aliasesOf(deps: Deps, about: string): string[] | null {
  const look = lookupEntity(entityIndexOf(deps), about);
  if (!look.matches.length || !look.exact) return null;
  const out = new Set<string>();
  for (const e of look.matches) for (const a of e.aliases) if (!a.startsWith('the ')) out.add(a);
  return [...out];
}

/**
 * What `about` names, for /timeline --about: its spellings and the sentences that
 * mention it (including references the text ties to it, e.g. "the Kremlin
 * spokesman"), or null when it names no entity.
 */
export function aboutEntity(deps: Deps, about: string): { aliases: string[]; sentenceIds: Set<string> } | null {
  const found = aboutEntities(deps, about);
  if (!found) return null;
  const sentenceIds = new Set<string>();
  for (const e of found.entities) for (const m of e.mentions) sentenceIds.add(m.sentence.id);
  // Sentences that refer to it without naming it ("He ordered …", "the company said …").
  const ids = new Set(found.entities.map((e) => e.id));
  for (const r of analysisOf(deps).references) if (ids.has(r.entity)) sentenceIds.add(r.sentenceId);
  return { aliases: found.aliases, sentenceIds };
}

/**
 * What `about` names as entities (the ones `aboutEntity` reads the sentences of) and their
 * spellings, or null when it names no entity: /timeline looks the entities' events up instead of
 * collecting every sentence of theirs on each call.
 */
export function aboutEntities(deps: Deps, about: string): { aliases: string[]; entities: Entity[] } | null {
  // Only a spelled match counts (`lookupEntity` with `exact`), so its typo guesses are not worked out: a filter
  // that names no entity (most words) paid an edit distance to every key of similar length for nothing.
  const key = queryKey(about);
  const matches = key ? spelledMatches(entityIndexOf(deps), key) : null;
  if (!matches) return null;
  const aliases = new Set<string>();
  for (const e of matches) for (const a of e.aliases) if (!a.startsWith('the ')) aliases.add(a);
  return { aliases: [...aliases], entities: matches };
}

/**
 * Sentences naming an entity whose profile (spellings, titles, appositions,
 * descriptive references) holds every content word of `words` (stemmed,
 * accent-folded): "aircraft carrier" finds the sentences naming the ship the
 * articles call "the Navy's most advanced aircraft carrier". Null when `words` has
 * no content word.
 */
export function sentencesDescribedBy(deps: Deps, words: string): Set<string> | null {
  const described = entitiesDescribedBy(deps, words);
  if (!described) return null;
  const out = new Set<string>();
  for (const e of described) for (const m of e.mentions) out.add(m.sentence.id);
  return out;
}

/** The entities whose mentions' sentences `sentencesDescribedBy` gives (null when `words` has no content word). */
export function entitiesDescribedBy(deps: Deps, words: string): Entity[] | null {
  const want = terms(words);
  if (!want.length) return null;
  const { entities } = entityIndexOf(deps);
  return (analysisOf(deps).profileIndex.describedBy(want) ?? []).map((i) => entities[i]!);
}

/**
 * Autocomplete for Discord: the ≤ 25 best entity names for a typed prefix (each
 * ≤ 100 characters). Cached per corpus version; a lookup is a linear scan of a
 * few hundred short strings.
 */
export function entityNames(deps: Deps, prefix: string): string[] {
  const list = analysisOf(deps).names;
  const p = keyOf(String(prefix ?? '').slice(0, 100));
  if (!p) return list.slice(0, AUTOCOMPLETE_MAX).map((x) => x.name);
  const starts = list.filter((x) => x.keys.some((k) => k.startsWith(p)));
  const inner = list.filter((x) => !starts.includes(x) && x.words.some((w) => w.startsWith(p)));
  return [...starts, ...inner].slice(0, AUTOCOMPLETE_MAX).map((x) => x.name);
}

/**
 * Build everything /who and its autocomplete need for the current corpus version
 * (entity index, autocomplete names, quotes and actions), so the first Discord
 * autocomplete does not pay for it. Idempotent and cached per corpus object;
 * returns the milliseconds it took (≈0 when already warm). Call it at start and
 * after a corpus reload. `entityNames(deps, '')` warms the index and names too, but
 * not the quotes/actions a first /who needs.
 */
export function warmEntities(deps: Deps): number {
  const t0 = performance.now();
  const analysis = analysisOf(deps);
  void analysis.names;
  void analysis.facts;
  void analysis.related;
  entityLookupOf(analysis.entities).warm();
  return performance.now() - t0;
}

/** Every attributed quotation in the corpus (for evaluation and other engines): speaker, article, verbatim quote. */
export function attributedQuotes(deps: Deps): { speaker: string; source: string; quote: string }[] {
  const facts = analysisOf(deps).facts;
  const out: { speaker: string; source: string; quote: string }[] = [];
  for (const [e, list] of facts.quotes) for (const f of list) out.push({ speaker: e.name, source: f.article.id, quote: quoteSentences(f.article, f.sentences) });
  return out;
}
