/**
 * The grounding check: is a quote verbatim in an article? Only whitespace and
 * typographic quote/dash differences are forgiven; a quote made of fragments
 * joined with "…" must have every fragment verbatim, in order.
 */

/** Normalise only what the contract forgives: whitespace, curly quotes, dashes. */
export function normalizeForMatch(s: string): string {
  return s
    .replace(/[’‘‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `quote` (possibly "fragment … fragment") appears verbatim in `text`. */
export function isVerbatim(text: string, quote: string): boolean {
  const hay = normalizeForMatch(text);
  const frags = quote
    .split(/\s*(?:…|\.\.\.)\s*/)
    .map(normalizeForMatch)
    .filter(Boolean);
  if (frags.length === 0) return false;
  // A single fragment must match whole (an ellipsis inside the article itself is fine).
  if (hay.includes(normalizeForMatch(quote))) return true;
  let from = 0;
  for (const f of frags) {
    const at = hay.indexOf(f, from);
    if (at < 0) return false;
    from = at + f.length;
  }
  return true;
}
