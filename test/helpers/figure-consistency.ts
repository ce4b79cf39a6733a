/**
 * One fact, one answer: the ages and counts that /who and the digest state are what
 * /ask and /verify find. Checked by structure only (values and names come from the
 * corpus's own analysis), so the same checks run on any corpus, including real news
 * that the repository must not embed.
 */
import { analysisOf } from '../../src/analysis/index.js';
import { readFigures } from '../../src/analysis/figures.js';
import { ask } from '../../src/engines/ask.js';
import { digest } from '../../src/engines/digest.js';
import { verify } from '../../src/engines/verify.js';
import { who } from '../../src/engines/who.js';
import type { Deps } from '../../src/deps.js';
import type { Answer } from '../../src/types.js';

const text = (a: Answer) => a.blocks.map((b) => b.text).join('\n');
const verdict = (a: Answer) => a.verdict ?? '';
/** A value as replies write it: "1,600" and "1600" both count. */
const hasValue = (t: string, v: number) => t.includes(v.toLocaleString('en-US')) || new RegExp(`(?<![\\d,.])${v}(?![\\d,])`).test(t);

/** One disagreement between commands about one fact. */
export interface Inconsistency {
  fact: string;
  command: string;
  got: string;
}

/** An age the corpus gives, with whom it belongs to as a question or claim would name them. */
export interface StatedAge {
  name: string;
  /** "Donald Trump" or "the coach". */
  subject: string;
  value: number;
}

/** Every single age the analysis ties to a person (by name) or to a role noun ("the coach"). */
export function statedAges(deps: Deps): StatedAge[] {
  const out = new Map<string, StatedAge>();
  for (const f of analysisOf(deps).figureFacts.figures) {
    if (f.kind !== 'age' || f.valueHi !== null) continue;
    if (f.entityName) out.set(`${f.entityName}:${f.value}`, { name: f.entityName, subject: f.entityName, value: f.value });
    else if (f.holder && !f.holderIsName) out.set(`the ${f.holder}:${f.value}`, { name: f.holder, subject: `the ${f.holder}`, value: f.value });
  }
  return [...out.values()];
}

/** For each age: /who states it (people), /ask "how old is …" gives it, /verify supports it and contradicts another age. */
export async function checkAges(deps: Deps, ages = statedAges(deps)): Promise<Inconsistency[]> {
  const bad: Inconsistency[] = [];
  for (const a of ages) {
    const fact = `${a.subject} is ${a.value}`;
    if (!a.subject.startsWith('the ')) {
      const w = await who(deps, a.subject);
      const age = w.blocks.find((b) => b.heading === 'Age');
      if (!age || !hasValue(age.text, a.value)) bad.push({ fact, command: `/who ${a.subject}`, got: age?.text ?? 'no age stated' });
    }
    const q = await ask(deps, `How old is ${a.subject}?`);
    if (!q.answered || !hasValue(text(q), a.value)) bad.push({ fact, command: `/ask how old is ${a.subject}`, got: text(q).slice(0, 200) });
    const claim = `${a.subject.replace(/^the /, 'The ')} is ${a.value} years old`;
    const yes = verify(deps, claim);
    if (verdict(yes) !== 'supported') bad.push({ fact, command: `/verify ${claim}`, got: verdict(yes) });
    const wrong = `${a.subject.replace(/^the /, 'The ')} is ${a.value + 11} years old`;
    const no = verify(deps, wrong);
    if (verdict(no) !== 'contradicted') bad.push({ fact, command: `/verify ${wrong}`, got: verdict(no) });
  }
  return bad;
}

/** A count the digest's key figures state, with the sentence it cites. */
export interface StatedCount {
  value: number;
  noun: string;
  sentence: string;
}

/** The counts in the digest's "Key figures" block: each cited sentence's count figures, read by analysis/figures. */
export async function digestCounts(deps: Deps): Promise<StatedCount[]> {
  const d = await digest(deps, { chartDir: null });
  const block = d.blocks.find((b) => /^Key figures/.test(b.heading ?? ''));
  if (!block) return [];
  const out: StatedCount[] = [];
  for (const n of new Set(block.cites)) {
    const c = d.citations.find((x) => x.n === n);
    if (!c || c.quote.includes('…')) continue;
    for (const f of readFigures(c.quote)) {
      if (f.kind !== 'count' || !f.noun || f.valueHi !== null || f.qualifier) continue;
      // The digest states this count: its value is in the block's text.
      if (hasValue(block.text, f.value) && !out.some((o) => o.value === f.value && o.sentence === c.quote)) out.push({ value: f.value, noun: f.noun, sentence: c.quote });
    }
  }
  return out;
}

/**
 * For each count the digest states: /verify of the sentence that states it is not
 * contradicted, and the same sentence with a different count is contradicted — /verify
 * reads the same figure of the same quantity there.
 */
export function checkCounts(deps: Deps, counts: StatedCount[]): Inconsistency[] {
  const bad: Inconsistency[] = [];
  for (const c of counts) {
    const fact = `${c.value} ${c.noun}`;
    const written = c.value.toLocaleString('en-US');
    const at = c.sentence.search(new RegExp(`(?<![\\d,.])(?:${written}|${c.value})(?![\\d,])`));
    if (at < 0) continue;
    const len = (/^[\d,]+/.exec(c.sentence.slice(at))?.[0] ?? '').length;
    const same = verify(deps, c.sentence);
    if (verdict(same) === 'contradicted') bad.push({ fact, command: `/verify (its own sentence)`, got: verdict(same) });
    const changed = `${c.sentence.slice(0, at)}${(c.value * 13 + 1).toLocaleString('en-US')}${c.sentence.slice(at + len)}`;
    const other = verify(deps, changed);
    // With other figures in the sentence still right, "partly supported" is fair; the changed count itself must be found to conflict.
    const figures = (other.meta?.figures as { claim: string; status: string }[] | undefined) ?? [];
    const changedFigure = figures.find((x) => hasValue(x.claim, c.value * 13 + 1));
    const ok = verdict(other) === 'contradicted' || (verdict(other) === 'partly supported' && changedFigure?.status === 'conflict');
    if (!ok) bad.push({ fact, command: `/verify (its sentence, count changed to ${c.value * 13 + 1})`, got: `${verdict(other)}; figure ${changedFigure?.status ?? 'not read'}` });
  }
  return bad;
}
