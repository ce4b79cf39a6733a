/** Small wording helpers shared by the engines' replies, and the shape of an answered /ask. */
import type { Answer, AnswerBlock, Citation } from '../types.js';

/** “a”, “b” and “c” */
export function quotedList(xs: string[]): string {
  const q = xs.map((x) => `“${x}”`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** First letter upper-cased. */
export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** An answer's title from the question as typed (Discord caps embed titles at 256). */
export function questionTitle(question: string, fallback = question): string {
  return question.length > 200 ? `${question.slice(0, 199)}…` : fallback;
}

/**
 * An answered /ask: the question as its title, the answer in a few words (`short`, when
 * there is one), the quoted blocks with their citations, follow-ups, and the data the
 * front doors and the model read (`meta`). With `shortLeads` the short answer also opens
 * the first block ("96 hours [1]" above its quote).
 */
export function askAnswer(
  question: string,
  a: { short?: Answer['short'] | null; shortLeads?: boolean; blocks: AnswerBlock[]; citations: Citation[]; followUps: string[]; meta: Answer['meta'] },
): Answer {
  const blocks = a.short && a.shortLeads && a.blocks[0] ? [{ ...a.blocks[0], text: `${a.short.text}\n${a.blocks[0].text}` }, ...a.blocks.slice(1)] : a.blocks;
  return {
    command: 'ask',
    answered: true,
    title: questionTitle(question),
    ...(a.short ? { short: a.short } : {}),
    blocks,
    citations: a.citations,
    followUps: a.followUps,
    meta: a.meta,
  };
}
