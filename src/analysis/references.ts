/**
 * References: "he", "she", "it", "they", "the 79-year-old", "the company", "the
 * Florida newspaper", "the coach" resolved to the entity meant, within a paragraph
 * and the one before it. The rule is simple and explainable: the nearest earlier
 * named mention that fits the expression (a person for he/she, of the right gender
 * when the text shows one; not a person for "it"; an organisation for "they"; a
 * person of that age for "the 79-year-old"; an entity whose roles or descriptions
 * hold the noun, or of the noun's kind, for "the <noun>"). A pronoun that opens a
 * sentence prefers the first person named in the sentence before (its subject).
 * Results are plain data (entity ids, sentence ids, offsets) for the analysis to
 * persist; `referencesIn(refs, sentenceId)` gives the entity ids a sentence refers to.
 */
import type { Corpus } from '../types.js';
import { type Entity, type EntityIndex, keyOf, quoteRegions } from '../index/entities.js';
import { lexTags } from '../language/word-tags.js';
import { agedPerson } from './entity-types.js';
import { GENDER_WORDS, PERSON_NOUNS, PRONOUNS, REFERRING_NOUNS, THING_NOUNS, type EntityKindName } from '../language/lexicon/entity-cues.js';
import { TITLE_HEADS } from '../language/lexicon/titles.js';
import { lemma } from '../language/tokenize.js';

/** One referring expression and the entity it stands for. */
export interface Reference {
  articleId: string;
  sentenceId: string;
  /** Offsets of the expression inside the sentence's text. */
  start: number;
  end: number;
  text: string;
  /** Entity id (EntityIndex entities[].id). */
  entity: string;
  /** Why this entity: "nearest male person", "role: coach", "age 79". */
  why: string;
}

interface Named {
  e: Entity;
  /** Offset in the article. */
  at: number;
  paragraph: number;
  sentenceIndex: number;
  /** First named person/thing in its sentence (its likely subject). */
  first: boolean;
  /** A resolved pronoun: an antecedent only inside its own sentence — or, for a later "he" or "she" that no named person fits, the chain's last link. */
  local?: boolean;
}

const REF_RE = new RegExp(
  String.raw`\b(?:((?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself|[Ii]ts|[Ii]t|[Ii]tself|[Tt]hey|[Tt]hem|[Tt]heir))\b|[Tt]he\s+(\d{1,3})-year-old(?![\p{L}-])|[Tt]he\s+((?:(?:\p{Lu}[\p{L}.-]*|[\p{Ll}-]+)\s+){0,2}?)([\p{Ll}-]+)(?=[\s,.;:!?'’]))`,
  'gu',
);
/** A verb right before a pronoun ("asked him", "told them"). */
const VERB_BEFORE_RE = /\b(?:\p{Ll}+ed|told|asked|gave|sent|met|saw|took|called|urged|thanked|invited)\s+$/u;
/** "It is not clear …", "it was reported": "it" stands for no entity. */
const EXPLETIVE_AFTER_RE = /^\s+(?:is|was|'s|’s|has\s+been|had\s+been|will\s+be|would\s+be|may\s+be|might\s+be|could\s+be|remains|remained|seems|seemed|appears|appeared|takes|took|is\s+not|was\s+not)\b/i;

/** The name at `at` opens its sentence (after "The") and a verb follows it ("The Titan imploded", "Acme says"). */
function opensWithActor(text: string, at: number): boolean {
  if (!/^\W*(?:the\s+)?$/i.test(text.slice(0, at))) return false;
  const after = /^[\p{L}\p{N} .&'’-]*?\p{L}(?:['’]s)?\s*,?\s+(?:also\s+|then\s+)?([\p{Ll}]+)/u.exec(text.slice(at))?.[1];
  if (!after) return false;
  const t = lexTags(after);
  // "lost" is only an adjective to the tagger; its lemma ("lose") shows the past tense.
  return t.has('PastTense') || (t.has('PresentTense') && !t.has('Plural')) || /^(?:says|said|has|had|is|was)$/.test(after) || /ed$/.test(after) || (!/s$/.test(after) && lemma(after) !== after);
}

/** Gender an entity's own text shows: honorifics and relation/trade words in its roles and descriptions, else its first name. */
export function genderOf(e: Entity): 'male' | 'female' | undefined {
  const votes = { male: 0, female: 0 };
  for (const m of e.mentions) {
    for (const w of keyOf(`${m.role ?? ''} ${m.apposition ?? ''}`).split(' ')) {
      const g = GENDER_WORDS[w];
      if (g) votes[g]++;
    }
  }
  if (votes.male !== votes.female) return votes.male > votes.female ? 'male' : 'female';
  const first = keyOf(e.name).split(' ')[0] ?? '';
  const tags = lexTags(first);
  if (tags.has('MaleName') && !tags.has('FemaleName')) return 'male';
  if (tags.has('FemaleName') && !tags.has('MaleName')) return 'female';
  return undefined;
}

/** The words an entity's roles, descriptions and type cues hold ("coach", "newspaper", "submersible"). */
function roleWords(e: Entity): Set<string> {
  const text = [...e.mentions.map((m) => `${m.role ?? ''} ${m.apposition ?? ''}`), ...(e.cues ?? []).map((c) => c.replace(/^\w+:/, ''))].join(' ');
  return new Set(keyOf(text).split(' ').filter(Boolean));
}

/** Every reference in the corpus. Not cached here: src/analysis builds (or loads) them once per corpus version. */
export function buildReferences(corpus: Corpus, index: EntityIndex): Reference[] {
  const gender = new Map<Entity, 'male' | 'female' | undefined>();
  const roles = new Map<Entity, Set<string>>();
  const ages = new Map<Entity, Set<string>>();
  for (const e of index.entities) {
    roles.set(e, roleWords(e));
    if (e.kind !== 'person') continue;
    gender.set(e, genderOf(e));
    const found = new Set<string>();
    for (const m of e.mentions) {
      const age = /^\s*,\s*(\d{1,3})\s*[,)]/.exec(m.sentence.text.slice(m.end))?.[1];
      if (age) found.add(age);
    }
    ages.set(e, found);
  }
  const bySentence = new Map<string, { e: Entity; start: number }[]>();
  for (const e of index.entities) {
    for (const m of e.mentions) {
      if (m.descriptive || m.inQuote) continue;
      const list = bySentence.get(m.sentence.id) ?? [];
      list.push({ e, start: m.start });
      bySentence.set(m.sentence.id, list);
    }
  }

  const out: Reference[] = [];
  for (const article of corpus.articles) {
    const named: Named[] = [];
    article.sentences.forEach((s, si) => {
      const list = (bySentence.get(s.id) ?? []).sort((a, b) => a.start - b.start);
      list.forEach((x, i) => named.push({ e: x.e, at: s.start + x.start, paragraph: s.paragraph, sentenceIndex: si, first: i === 0 }));
    });
    article.sentences.forEach((s, si) => {
      const regions = quoteRegions(s.text);
      for (const m of s.text.matchAll(REF_RE)) {
        const at = m.index!;
        if (regions.some(([a, b]) => at > a && at < b)) continue; // "we", "he" inside a quotation belong to its speaker's frame
        const pos = s.start + at;
        const window = named.filter((n) => n.at < pos && (n.paragraph === s.paragraph || n.paragraph === s.paragraph - 1) && (!n.local || n.sentenceIndex === si));
        const nearest = (ok: (n: Named) => boolean) => window.filter(ok).sort((a, b) => b.at - a.at)[0];
        let pick: Named | undefined;
        let why = '';
        const pron = m[1]?.toLowerCase();
        if (pron) {
          const cue = PRONOUNS[pron]!;
          if (pron === 'it' && EXPLETIVE_AFTER_RE.test(s.text.slice(at + 2))) continue;
          // "His Majesty", "Her Excellency": a title, not a reference.
          if (/^\s+(?:Majesty|Highness|Excellency|Holiness|Royal)\b/.test(s.text.slice(at + m[0].length))) continue;
          if (cue.animacy === 'person') {
            // "Rush had asked him": an object pronoun is not the subject of its own verb.
            const object = (pron === 'him' || pron === 'them') && VERB_BEFORE_RE.test(s.text.slice(Math.max(0, at - 30), at));
            const ownSubject = (n: Named) => object && n.sentenceIndex === si && !/[.;:!?]/.test(s.text.slice(n.at - s.start, at)) && window.every((o) => o === n || o.at < n.at || o.e.kind !== 'person');
            const fits = (n: Named) => n.e.kind === 'person' && (!gender.get(n.e) || gender.get(n.e) === cue.gender) && !ownSubject(n);
            // A pronoun opening its sentence is most often the previous sentence's subject.
            const opens = /^\W*$/.test(s.text.slice(0, at));
            pick = opens ? window.filter((n) => n.sentenceIndex === si - 1 && n.first && fits(n))[0] : undefined;
            pick ??= nearest(fits);
            why = `${opens && pick?.sentenceIndex === si - 1 && pick.first ? 'subject before' : 'nearest'} ${cue.gender ?? ''} person`.replace(/\s+/g, ' ');
            if (!pick) {
              // "… said a letter to him. // In reply, he scrawled a note": the person named paragraphs before, whom the
              // paragraph before this one refers to as "him", is "he" here — the chain's last link, where no named person fits.
              const chain = named.filter((n) => n.local && n.at < pos && (n.paragraph === s.paragraph || n.paragraph === s.paragraph - 1) && fits(n));
              pick = chain.sort((a, b) => b.at - a.at)[0];
              if (pick) why = `${cue.gender ?? ''} person the text referred to before`.trim();
            }
          } else if (pron === 'its' || pron === 'itself' || pron === 'their') {
            // "it"/"they" often stand for something the text never names ("the submarine … it disappeared").
            // Only a possessive in a sentence whose subject is a named thing that opens it and acts
            // ("The Titan imploded during its descent") is resolved; the rest is left, not guessed.
            const subject = window.find((n) => n.sentenceIndex === si && n.first);
            const fits = pron === 'their' ? subject?.e.kind === 'organization' : subject !== undefined && subject.e.kind !== 'person';
            if (subject && fits && opensWithActor(s.text, subject.at - s.start)) (pick = subject), (why = `subject of its sentence (${subject.e.kind})`);
          }
        } else if (m[2]) {
          const age = m[2];
          // "the 850-year-old cathedral": a thing's age, no person's.
          if (!agedPerson(Number(age), s.text.slice(at + m[0].length))) continue;
          pick = nearest((n) => n.e.kind === 'person' && ages.get(n.e)!.has(age));
          why = `age ${age}`;
          if (!pick) (pick = nearest((n) => n.e.kind === 'person')), (why = 'nearest person (age)');
        } else if (m[4]) {
          const noun = m[4].toLowerCase();
          // "the company spokesperson", "the ship tracking website": the noun modifies another.
          const after = /^\s+([\p{Ll}-]+)/u.exec(s.text.slice(at + m[0].length))?.[1];
          const afterTags = after ? lexTags(after) : new Set<string>();
          if (after && (PERSON_NOUNS.has(after) || TITLE_HEADS.has(after) || ((afterTags.has('Noun') || afterTags.has('Singular') || afterTags.has('Plural') || afterTags.has('Gerund')) && !afterTags.has('PastTense') && !afterTags.has('PresentTense')))) continue;
          // "the Titan submersible", "the OceanGate vessel": a name, not a reference.
          if ((bySentence.get(s.id) ?? []).some((x) => x.start >= at && x.start < at + m[0].length)) continue;
          const kind: EntityKindName | undefined = REFERRING_NOUNS[noun] ?? (PERSON_NOUNS.has(noun) || TITLE_HEADS.has(noun) ? 'person' : undefined);
          if (!kind) continue;
          if (kind === 'person') {
            pick = nearest((n) => n.e.kind === 'person' && roles.get(n.e)!.has(noun));
            why = `role: ${noun}`;
          } else {
            // The thing the text has called that ("the submersible" for "a submersible named Titan"); "the company"
            // may also be the organisation named just before.
            // Described so: by the noun itself, or by the kind of thing it names ("the submersible", "the sub" for a
            // name typed a vessel).
            const sort = THING_NOUNS[noun];
            const describedSo = (e: Entity) => e.kind === kind && (roles.get(e)!.has(noun) || (!!sort && roles.get(e)!.has(sort)));
            pick = nearest((n) => describedSo(n.e));
            why = `the ${noun}: described so`;
            if (!pick) {
              // "crews lost contact with the submersible …", two paragraphs before "a submersible named Titan": when the
              // article names one thing of that kind described so, anywhere in it, the noun is that thing.
              const described = [...new Set(named.filter((n) => describedSo(n.e)).map((n) => n.e))];
              if (described.length === 1) {
                pick = named.find((n) => n.e === described[0])!;
                why = `the ${noun}: the one the article describes so`;
              }
            }
            if (!pick && kind === 'organization' && /^(?:company|firm|group|organi[sz]ation)$/.test(noun)) {
              pick = nearest((n) => n.e.kind === kind && n.sentenceIndex >= si - 2);
              why = `the ${noun}: nearest organisation`;
            }
          }
        }
        if (!pick) continue;
        out.push({ articleId: article.id, sentenceId: s.id, start: at, end: at + m[0].length, text: m[0], entity: pick.e.id, why });
        // Within its sentence a resolved pronoun is a mention too: "asked him if he wanted" — "he" is whoever "him" is.
        if (pron) named.push({ e: pick.e, at: pos, paragraph: s.paragraph, sentenceIndex: si, first: false, local: true });
      }
    });
  }
  return out;
}

/** The entity ids a sentence refers to without naming them. */
export function referencesIn(refs: readonly Reference[], sentenceId: string): string[] {
  return [...new Set(refs.filter((r) => r.sentenceId === sentenceId).map((r) => r.entity))];
}
