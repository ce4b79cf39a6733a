import type { Deps } from '../deps.js';
import type { Answer } from '../types.js';
export function compare(deps: Deps, topic: string): Answer {
  void deps;
  return { command: 'compare', answered: false, title: topic, blocks: [], citations: [], followUps: [], disagreements: [] };
}
