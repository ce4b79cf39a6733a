/**
 * Estimated cost per answer, from list prices (USD per 1M tokens, standard tier,
 * as published by OpenAI in 2025). Unknown models — local servers, gateways — cost
 * 0 here and are logged as unpriced rather than guessed.
 */
/** Input and output price per 1M tokens, by model-name prefix, one model family a line. */
const PRICES: Readonly<Record<string, readonly [input: number, output: number]>> = {
  'gpt-4o-mini': [0.15, 0.6], 'gpt-4o': [2.5, 10],
  'gpt-4.1-nano': [0.1, 0.4], 'gpt-4.1-mini': [0.4, 1.6], 'gpt-4.1': [2, 8],
  'gpt-5-nano': [0.05, 0.4], 'gpt-5-mini': [0.25, 2], 'gpt-5': [1.25, 10],
  'o4-mini': [1.1, 4.4], 'o3-mini': [1.1, 4.4], o3: [2, 8],
  'gpt-3.5-turbo': [0.5, 1.5],
};

/** Price per 1M tokens for `model` (longest matching prefix), or null when unknown. */
export function priceOf(model: string): { input: number; output: number } | null {
  const m = model.toLowerCase();
  let best: string | undefined;
  for (const prefix of Object.keys(PRICES)) if (m.startsWith(prefix) && (!best || prefix.length > best.length)) best = prefix;
  return best ? { input: PRICES[best]![0], output: PRICES[best]![1] } : null;
}

/** Estimated USD cost of one call. */
export function estimateCostUsd(model: string, promptTokens: number, completionTokens: number): number {
  const p = priceOf(model);
  if (!p) return 0;
  return (promptTokens * p.input + completionTokens * p.output) / 1_000_000;
}
