/** Small wording helpers shared by the engines' replies. */

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
