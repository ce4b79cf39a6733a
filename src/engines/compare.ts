/**
 * /compare, offline: where the articles differ, on a topic or over the whole corpus.
 * The differences are found once per corpus by src/analysis/disagreements.ts (the same
 * list the digest shows under "Where the sources disagree"); this engine narrows them
 * to the topic, cites each side and lists near-duplicates, so repetition never passes
 * for a second source.
 */
import type { Deps } from '../deps.js';
import { BadInputError } from '../errors.js';
import { synonymsOf } from '../language/synonyms.js';
import { terms, words } from '../language/tokenize.js';
import type { Answer, AnswerBlock, Article, Disagreement, Sentence } from '../types.js';
import { createCiter } from './cite.js';
import { analysisOf } from '../analysis/index.js';
import { articleLabel, clip, nearDuplicates, sentenceTerms } from '../analysis/corpus-text.js';
import { citeFinding, disagreementsOf, followUpFor, narrowDisagreements, type TopicFilter } from '../analysis/disagreements.js';
import { cleanClaim } from './claims.js';

export function compare(deps: Deps, rawTopic: string): Answer {
  const topic = cleanClaim(rawTopic ?? '');
  if (!/[\p{L}\p{N}]/u.test(topic) && /\S/.test(rawTopic ?? '')) {
    throw new BadInputError('Please give the topic in words (mentions and formatting alone are not a topic), or leave it out to compare everything.');
  }
  const N = Math.max(deps.index.size, 1);
  const idf = (t: string) => Math.log(1 + N / (1 + deps.index.docFreq(t)));
  const searched = `${deps.corpus.articles.length} article${deps.corpus.articles.length === 1 ? '' : 's'}`;
  const title = topic ? `Where the articles differ on “${clip(topic, 120)}”` : 'Where the articles differ';

  let filter: TopicFilter | undefined;
  if (topic) {
    const tWords = words(topic).filter((w) => terms(w).length && terms(w)[0]!.length > 1);
    const tTerms = [...new Set(tWords.flatMap((w) => terms(w)))];
    // A topic word the articles never use may still be there as a synonym ("deaths" → "killed"); otherwise exact words
    // only, so "warships" does not pull in every "boat".
    const known = tTerms.flatMap((t) => (deps.index.docFreq(t) > 0 ? [[t]] : [[...synonymsOf(t)].filter((x) => deps.index.docFreq(x) > 0)].filter((xs) => xs.length)));
    if (!tTerms.length || !known.length) {
      return {
        command: 'compare',
        answered: false,
        title,
        blocks: [{ text: `The articles don't discuss that: ${tWords.length ? `${tWords.map((w) => `“${w}”`).join(', ')} never appear${tWords.length === 1 ? 's' : ''} in the ${searched}.` : 'the topic has no words I can look up.'}`, cites: [] }],
        citations: [],
        followUps: ['/compare'],
        disagreements: [],
      };
    }
    const labelOnTopic = (label: string) => {
      const ls = new Set(terms(label));
      return known.every((alts) => alts.some((t) => has(ls, t) || [...synonymsOf(t)].some((x) => ls.has(x))));
    };
    const weightOf = (alts: string[]) => Math.max(...alts.map(idf));
    const total = known.reduce((n, alts) => n + weightOf(alts), 0);
    const cache = new Map<string, boolean>();
    const onTopic = (s: Sentence) => {
      const hit = cache.get(s.id);
      if (hit !== undefined) return hit;
      const a = deps.corpus.byId.get(s.articleId)!;
      const here = new Set(sentenceTerms(s));
      const near = new Set(adjacent(a, s).flatMap(sentenceTerms));
      let got = 0;
      for (const alts of known) {
        const syn = alts.flatMap((t) => [...synonymsOf(t)]);
        if (alts.some((t) => has(here, t))) got += weightOf(alts);
        // A synonym ("assistance" for "aid") or the adjacent sentence counts half.
        else if (alts.some((t) => has(near, t)) || syn.some((t) => here.has(t))) got += weightOf(alts) * 0.5;
      }
      // Adjacent sentences count half: a topic only in the next sentence does not make this one about it.
      const ok = got / total >= 0.6;
      cache.set(s.id, ok);
      return ok;
    };
    filter = { onTopic, labelOnTopic };
  }

  const citer = createCiter(deps.corpus);
  const group = analysisOf(deps).groups;
  // The whole corpus's differences (found once per corpus version), narrowed to the topic. The same value twice, or a
  // denial of a report no article carries, is noted but is not a point where they differ.
  const { found, notes } = narrowDisagreements(disagreementsOf(deps), filter);

  // Render: cite in display order so the numbers read [1], [2], … down the answer.
  const disagreements: Disagreement[] = [];
  const blocks: AnswerBlock[] = [];
  for (const f of found) {
    const { sides } = citeFinding(f, (ss) => citer.cite(ss));
    disagreements.push({ topic: f.topic, sides });
    blocks.push({ heading: f.topic, text: sides.map((s) => `• ${s.text} ${s.citations.map((n) => `[${n}]`).join('')}`).join('\n'), cites: sides.flatMap((s) => s.citations) });
  }
  if (notes.length) {
    const lines = notes.map((f) => {
      const sides = f.sides.map((side) => ({ text: side.text, n: citer.cite(side.sentences) }));
      return { text: `• ${f.topic}:\n${sides.map((x) => `  ◦ ${x.text} [${x.n}]`).join('\n')}`, cites: sides.map((x) => x.n) };
    });
    blocks.push({ heading: 'Noted, but not a disagreement', text: lines.map((l) => l.text).join('\n'), cites: lines.flatMap((l) => l.cites) });
  }

  // One line per pair: a syndicated copy overlaps its original both ways.
  const dups = nearDuplicates(deps.corpus).filter((d, i, all) => !all.slice(0, i).some((x) => x.source === d.within && x.within === d.source));
  const voices = new Set(deps.corpus.articles.map((a) => group.get(a.id) ?? a.id)).size;
  const intro = voices < 2 && !found.length
    ? `There is only ${deps.corpus.articles.length === 1 ? 'one article' : 'one independent source'} here, so there is nothing to compare it with.`
    : found.length
    ? `${found.length} point${found.length === 1 ? '' : 's'} where the ${searched} differ${topic ? ` on this topic` : ''} (${voices} independent voice${voices === 1 ? '' : 's'}).`
    : topic
      ? `I found no disagreement about this in the ${searched}: where they mention it, their figures and statements agree.`
      : `I found no disagreement between the ${searched}: their figures agree and no report is denied.`;
  blocks.unshift({ text: intro, cites: [] });
  if (dups.length) {
    const label = (id: string) => {
      const a = deps.corpus.byId.get(id);
      return a ? `${articleLabel(a)} (${id})` : id;
    };
    blocks.push({
      heading: 'Near-duplicates (counted as one source)',
      text: dups.map((d) => `• ${label(d.source)} repeats ${Math.round(d.share * 100)}% of ${label(d.within)} — repetition, not corroboration.`).join('\n'),
      cites: [],
    });
  }

  return {
    command: 'compare',
    answered: found.length > 0 || notes.length > 0 || !topic,
    title,
    blocks,
    citations: citer.citations,
    followUps: topic ? [] : [...new Set(found.map(followUpFor).filter((x): x is string => !!x))].slice(0, 3),
    disagreements,
    meta: { nearDuplicates: dups, independentVoices: voices, kinds: found.map((f) => f.kind) },
  };
}

function has(set: Set<string>, t: string): boolean {
  if (set.has(t)) return true;
  if (t.length < 5) return false;
  for (const x of set) if (x.length >= 5 && (x.startsWith(t) || t.startsWith(x))) return true;
  return false;
}

function adjacent(a: Article, s: Sentence): Sentence[] {
  const i = a.sentences.indexOf(s);
  return [a.sentences[i - 1], a.sentences[i + 1]].filter((x): x is Sentence => !!x);
}
