/** Render an Answer as terminal text and as the CLI's JSON object (CLI-CONTRACT.md). */
import type { Answer } from '../types.js';

/** The answer's prose as one plain string with [n] markers. */
export function answerText(a: Answer): string {
  return a.blocks.map((b) => (b.heading ? `${b.heading}\n${b.text}` : b.text)).join('\n\n');
}

/** The exact JSON shape of the CLI contract. */
export function toJson(a: Answer): Record<string, unknown> {
  const out: Record<string, unknown> = {
    command: a.command,
    answered: a.answered,
    text: answerText(a),
    citations: a.answered ? a.citations.map(({ n, source, quote, title, outlet, date, url }) => ({ n, source, quote, title, outlet, date, url })) : [],
    followUps: a.followUps,
  };
  // ask: the answer in a few words, verbatim in the quote its marker cites (null when there is no single fact).
  if (a.command === 'ask') out.short = a.answered && a.short ? a.short.text : null;
  if (a.notes?.length) out.notes = a.notes;
  if (a.entity) out.entity = a.entity;
  if (a.events) out.events = a.events;
  if (a.sources) out.sources = a.sources;
  if (a.sections) out.sections = a.sections;
  if (a.image) out.image = a.image;
  if (a.verdict) out.verdict = a.verdict;
  if (a.disagreements) out.disagreements = a.disagreements;
  return out;
}

const useColor = (stream: NodeJS.WriteStream) => stream.isTTY && !process.env.NO_COLOR;

/** Readable terminal text: title, answer, numbered citations with quotes, suggestions. */
export function toText(a: Answer, color = useColor(process.stdout)): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const lines: string[] = [bold(a.title), ''];
  lines.push(answerText(a));
  if (a.notes?.length) lines.push('', ...a.notes.map((n) => dim(`Note: ${n}`)));
  if (a.citations.length) {
    lines.push('', bold('Sources'));
    for (const c of a.citations) {
      // An untitled article is named by its file already: the file is not named twice.
      const meta = [c.outlet, c.date ?? 'undated', c.title === c.source ? null : c.source].filter(Boolean).join(' · ');
      lines.push(`[${c.n}] ${c.title} ${dim(`(${meta})`)}`);
      lines.push(`    “${c.quote}”`);
      if (c.url) lines.push(`    ${dim(c.url)}`);
    }
  }
  if (a.image) lines.push('', `Chart: ${a.image}`);
  if (a.followUps.length) {
    lines.push('', bold('You could ask'));
    for (const f of a.followUps) lines.push(`  • ${f}`);
  }
  return lines.join('\n');
}
