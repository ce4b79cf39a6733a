/** /who — work in progress (issue 3). */
import type { Deps } from '../deps.js';
import type { Answer } from '../types.js';

export function who(_deps: Deps, name: string): Answer {
  return { command: 'who', answered: false, title: `/who ${name}`, blocks: [{ text: '/who is not available yet.', cites: [] }], citations: [], followUps: [] };
}
export function aliasesOf(_deps: Deps, _name: string): string[] | null {
  return null;
}
export function entityNames(_deps: Deps, _prefix: string): string[] {
  return [];
}
